"""A local imitation of VOD, its OSS upload storage, its CDN and Huawei VOD CDN."""
