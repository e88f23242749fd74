package dev.sls4j.client;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/** Applies the {@link Checked} rules of a generated method to the arguments of one call. Thread-safe. */
final class ArgumentChecks {
  private final ConcurrentMap<Method, Rule[]> rules = new ConcurrentHashMap<>();

  /** @throws IllegalArgumentException naming the parameter and the rule it breaks */
  void check(Method method, List<?> arguments) {
    Rule[] methodRules = rules.computeIfAbsent(method, ArgumentChecks::rulesOf);
    for (int i = 0; i < methodRules.length; i++) {
      if (methodRules[i] != null) methodRules[i].check(arguments.get(i), methodRules, arguments);
    }
  }

  private static Rule[] rulesOf(Method method) {
    Annotation[][] annotations = method.getParameterAnnotations();
    Rule[] rules = new Rule[annotations.length];
    for (int i = 0; i < annotations.length; i++) {
      for (Annotation annotation : annotations[i]) {
        if (annotation instanceof Checked) rules[i] = new Rule((Checked) annotation);
      }
    }
    return rules;
  }

  private static final class Rule {
    /** Enough for every name one application uses; past it, values are matched again each time. */
    private static final int REMEMBERED = 256;

    private final Checked checked;
    private final Pattern pattern;
    /** Values that matched the pattern: names repeat call after call, and a regex costs more than the lookup. */
    private final Set<String> matched = Collections.newSetFromMap(new ConcurrentHashMap<>());

    Rule(Checked checked) {
      this.checked = checked;
      this.pattern = checked.pattern().isEmpty() ? null : Pattern.compile(checked.pattern());
    }

    void check(Object value, Rule[] all, List<?> arguments) {
      String name = checked.name();
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
      if (!checked.nonEmptyUnless().isEmpty() && value.toString().isEmpty()
          && !Boolean.TRUE.equals(argument(checked.nonEmptyUnless(), all, arguments))) {
        throw new IllegalArgumentException(name + " must not be empty unless " + checked.nonEmptyUnless()
            + " is true");
      }
    }

    private static Object argument(String name, Rule[] all, List<?> arguments) {
      for (int i = 0; i < all.length; i++) {
        if (all[i] != null && all[i].checked.name().equals(name)) return arguments.get(i);
      }
      throw new IllegalStateException("no parameter named " + name);
    }
  }
}
