"""The CDN desk: refresh, prefetch, quota and task status over Alibaba and Huawei, with a deferred queue."""
