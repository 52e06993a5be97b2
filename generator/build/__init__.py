"""The build machinery: targets, the cache, stamps, worker processes, atomic publishing, the clock and
what the machine must provide."""
