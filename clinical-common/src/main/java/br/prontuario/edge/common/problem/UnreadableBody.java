package br.prontuario.edge.common.problem;

import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says which field of an unreadable JSON body is wrong, so an integrator can fix the request.
 * It names fields and accepted values, never the submitted values (they may be patient data).
 */
final class UnreadableBody {

  static final String GENERIC =
      "The body is not valid JSON for this endpoint (malformed, wrong types or unknown fields).";

  private UnreadableBody() {}

  static String describe(Throwable error) {
    Throwable cause = error;
    while (cause != null && !(cause instanceof JacksonException)) {
      cause = cause.getCause();
    }
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return "Unknown field '" + path(unknown.getPath()) + "'.";
    }
    if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String accepted = acceptedValues(mismatch.getTargetType());
      return "Field '" + path(mismatch.getPath()) + "' has the wrong type or value"
          + (accepted.isEmpty() ? "." : " (accepted: " + accepted + ").");
    }
    if (cause instanceof StreamReadException malformed && malformed.getLocation() != null) {
      return "The body is not well-formed JSON (line " + malformed.getLocation().getLineNr()
          + ", column " + malformed.getLocation().getColumnNr() + ").";
    }
    return GENERIC;
  }

  private static String path(List<JacksonException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : references) {
      if (reference.getPropertyName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String acceptedValues(Class<?> type) {
    if (type == null || !type.isEnum()) {
      return "";
    }
    Method jsonValue = Arrays.stream(type.getDeclaredMethods())
        .filter(m -> m.isAnnotationPresent(JsonValue.class) && m.getParameterCount() == 0)
        .filter(Method::trySetAccessible)
        .findFirst().orElse(null);
    return Arrays.stream(type.getEnumConstants())
        .map(constant -> jsonName((Enum<?>) constant, jsonValue))
        .collect(Collectors.joining(", "));
  }

  private static String jsonName(Enum<?> constant, Method jsonValue) {
    if (jsonValue == null) {
      return constant.name();
    }
    try {
      return String.valueOf(jsonValue.invoke(constant));
    } catch (ReflectiveOperationException e) {
      return constant.name();
    }
  }
}
