package dev.sls4j.client;

import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The {@link Checked} rules of one parameter, applied to each call's argument before anything is sent. */
final class ParameterRule {
  /** Enough for every name one application uses; past it, values are matched again each time. */
  private static final int REMEMBERED = 256;

  final String name;
  private final Checked checked;
  private final Pattern pattern;
  /** Values that matched the pattern: names repeat call after call, and a regex costs more than the lookup. */
  private final Set<String> matched = Collections.newSetFromMap(new ConcurrentHashMap<>());
  /** The index of the parameter named by {@link Checked#nonEmptyUnless()}, or -1. */
  private int unlessIndex = -1;

  ParameterRule(Checked checked) {
    this.name = checked.name();
    this.checked = checked;
    this.pattern = checked.pattern().isEmpty() ? null : Pattern.compile(checked.pattern());
  }

  /** Resolves {@link Checked#nonEmptyUnless()} against the method's other rules. */
  void link(ParameterRule[] all) {
    if (checked.nonEmptyUnless().isEmpty()) return;
    for (int i = 0; i < all.length; i++) {
      if (all[i] != null && all[i].name.equals(checked.nonEmptyUnless())) unlessIndex = i;
    }
    if (unlessIndex < 0) {
      throw new IllegalArgumentException(name + " names no parameter " + checked.nonEmptyUnless());
    }
  }

  /** @throws IllegalArgumentException naming the parameter and the rule it breaks */
  void check(Object value, Object[] arguments) {
    if (value == null) {
      if (checked.required()) throw new IllegalArgumentException(name + " is required but was null");
      return;
    }
    if (pattern != null && value instanceof String && !matched.contains(value)) {
      if (!pattern.matcher((String) value).find()) {
        throw new IllegalArgumentException(name + " must match " + pattern.pattern() + ", was \"" + value + "\"");
      }
      if (matched.size() < REMEMBERED) matched.add((String) value);
    }
    if (checked.minimum() != Long.MIN_VALUE && value instanceof Number
        && ((Number) value).longValue() < checked.minimum()) {
      throw new IllegalArgumentException(name + " must be >= " + checked.minimum() + ", was " + value);
    }
    if (unlessIndex >= 0 && value.toString().isEmpty() && !Boolean.TRUE.equals(arguments[unlessIndex])) {
      throw new IllegalArgumentException(name + " must not be empty unless " + checked.nonEmptyUnless() + " is true");
    }
  }
}
