"""Huawei Cloud VOD: SDK-HMAC-SHA256 signing and the CDN client."""
