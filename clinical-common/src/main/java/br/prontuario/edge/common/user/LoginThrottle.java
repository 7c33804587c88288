package br.prontuario.edge.common.user;

import br.prontuario.edge.common.problem.ApiProblem;
import br.prontuario.edge.common.security.SecurityProperties;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Failed-login bookkeeping in Redis, so both nodes see the same counts: per address attempts per
 * minute, and per user a lockout after repeated failures. Password and face login share it, so
 * an account locked by one is locked for the other.
 */
@Component
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  private final StringRedisTemplate redis;
  private final SecurityProperties properties;
  private final Clock clock;

  LoginThrottle(StringRedisTemplate redis, SecurityProperties properties, Clock clock) {
    this.redis = redis;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Counts a login attempt (password or face) and refuses it with a 429 problem when the address
   * has used up its attempts this minute or the account is locked.
   */
  public void admit(String address, String username) {
    if (!allowAttemptFrom(address)) {
      throw tooMany(Duration.ofMinutes(1));
    }
    Duration locked = lockedFor(username);
    if (!locked.isZero()) {
      throw tooMany(locked);
    }
  }

  /** Counts this attempt; false when the address has used up its attempts this minute. */
  boolean allowAttemptFrom(String address) {
    long minute = clock.millis() / 60_000;
    String key = "login:addr:" + address + ":" + minute;
    Long attempts = redis.opsForValue().increment(key);
    if (attempts != null && attempts == 1) {
      redis.expire(key, Duration.ofMinutes(2));
    }
    return attempts == null || attempts <= properties.loginAttemptsPerMinutePerAddress();
  }

  /** Remaining lockout, or zero when the user may try. */
  Duration lockedFor(String username) {
    Long ttlMillis = redis.getExpire(lockKey(username), java.util.concurrent.TimeUnit.MILLISECONDS);
    return ttlMillis == null || ttlMillis <= 0 ? Duration.ZERO : Duration.ofMillis(ttlMillis);
  }

  public void recordFailure(String username) {
    String key = "login:fail:" + username;
    Long failures = redis.opsForValue().increment(key);
    redis.expire(key, properties.lockout());
    if (failures != null && failures >= properties.maxFailedLogins()) {
      redis.opsForValue().set(lockKey(username), "1", properties.lockout());
      redis.delete(key);
      LOG.warn("account {} locked for {} after {} failed logins", username,
          properties.lockout(), failures);
    }
  }

  public void recordSuccess(String username) {
    redis.delete("login:fail:" + username);
  }

  private static String lockKey(String username) {
    return "login:lock:" + username;
  }

  private static ApiProblem tooMany(Duration retryAfter) {
    long seconds = Math.max(1, retryAfter.toSeconds());
    return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "Too many login attempts",
        "Try again later.").withHeader("Retry-After", Long.toString(seconds));
  }
}
