"""The Qt-free upload engine: planner, checkpoints, pool, rate limit, events."""
