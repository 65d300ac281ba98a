"""What outlives an update, behind small async protocols (protocols.py), with two adapters:
this process's memory (memory.py) and Redis for several replicas (redis.py over one
redis_link.py). shared.py picks one from REDIS_URL. Platform-neutral: keys are strings or ids
the platforms make (hashed where they would name a person), values are slugs, ids and
counters, never what anyone wrote."""
