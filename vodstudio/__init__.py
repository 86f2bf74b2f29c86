"""VOD Studio: uploader, asset library and CDN desk for cloud video-on-demand."""

from vodstudio.app_info import VERSION as __version__

__all__ = ["__version__"]
