package dev.sls4j.client;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The spec's rules for one parameter of a generated operation, checked when the operation is called, before anything
 * is sent. Written by the templates; a violated rule throws {@link IllegalArgumentException} naming the parameter and
 * the rule.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Checked {
  /** The parameter's name in the spec. */
  String name();

  /** Whether null is refused. */
  boolean required() default false;

  /** A regular expression a string value must contain a match of (anchor it to match the whole); empty for none. */
  String pattern() default "";

  /** The least value of a number; {@link Long#MIN_VALUE} for none. */
  long minimum() default Long.MIN_VALUE;

  /**
   * The name of a boolean parameter; unless that one is true, this string must not be empty (from the spec's
   * {@code x-sls-non-empty-unless}). Empty for none.
   */
  String nonEmptyUnless() default "";
}
