"""The use cases (accounts, uploads, library, CDN, settings, downloads, sandbox): Qt-free and typed.

The GUI and the CLI are two faces over these services; a feature that works in one is one call away
from the other.
"""

from vodstudio.services.builder import Services, build_services, build_throwaway_services

__all__ = ["Services", "build_services", "build_throwaway_services"]
