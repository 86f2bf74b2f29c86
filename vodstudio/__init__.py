"""VOD Studio: uploader, asset library and CDN desk for cloud video-on-demand."""

from vodstudio.app_info import VERSION

__version__ = VERSION

__all__ = ["__version__"]
