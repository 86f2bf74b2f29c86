"""Alibaba Cloud ApsaraVideo VOD: RPC signing, API client, upload credentials."""
