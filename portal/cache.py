"""The Redis cache backend: django-redis's, for which Redis down means "nothing cached".

With ``IGNORE_EXCEPTIONS`` (``redis_cache`` in the settings) django-redis answers a call that
fails to reach Redis as if nothing were cached: ``get`` gives the default, ``set`` and
``delete`` do nothing, and the error is logged through ``portal.cache`` (once per
``FAILURE_LOG_INTERVAL``, portal/logging_filters.py). ``add`` is the exception: it answers
``None``, which callers that take a lock with ``add`` read as "someone else holds it".
allauth's rate limits do: they wait a second for the lock and then refuse the request, so
every log-in, sign-up and password reset would answer 429 while Redis is down.
"""

from django_redis.cache import RedisCache as DjangoRedisCache


class RedisCache(DjangoRedisCache):
    """django-redis's cache, with a failed ``add`` counted as done.

    While Redis is down, allauth's rate limits therefore count nothing instead of refusing
    everyone. (``add`` answers ``True`` or ``False`` whenever Redis answers; ``None`` only
    for a call whose error was ignored.) Replay guards built on ``add``, such as allauth's
    TOTP codes (its mfa app, not installed), would accept a replay during the outage.
    """

    def add(self, *args, **kwargs):
        """django-redis's ``add``, with an ignored error (``None``) answered as ``True``."""
        added = super().add(*args, **kwargs)
        return True if added is None else added
