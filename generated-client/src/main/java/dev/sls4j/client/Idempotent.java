package dev.sls4j.client;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a generated operation as safe to send again when the outcome of an attempt is unknown: sending it twice has
 * the effect of sending it once. Operations without it are retried only when the request surely never left (the
 * connection could not be made). Written by the templates from the spec's {@code x-sls-idempotent}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Idempotent {
  /**
   * An error code that, met by a retry, means an earlier attempt already did the work: a retried create meeting
   * {@code ConsumerGroupAlreadyExist}, a retried delete meeting {@code ConsumerGroupNotExist}. The call then
   * succeeds. Empty for none. From the spec's {@code x-sls-already-done-error}.
   */
  String alreadyDoneErrorCode() default "";
}
