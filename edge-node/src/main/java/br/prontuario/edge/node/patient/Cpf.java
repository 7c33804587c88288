package br.prontuario.edge.node.patient;

/** CPF: 11 digits, the last two check digits (mod 11); repeated digits are invalid. */
public final class Cpf {

  private Cpf() {}

  public static boolean isValid(String cpf) {
    if (cpf == null || !cpf.matches("\\d{11}") || cpf.chars().distinct().count() == 1) {
      return false;
    }
    return checkDigit(cpf, 9) == cpf.charAt(9) - '0' && checkDigit(cpf, 10) == cpf.charAt(10) - '0';
  }

  /** The check digit at position {@code length} over the first {@code length} digits. */
  static int checkDigit(String digits, int length) {
    int sum = 0;
    for (int i = 0; i < length; i++) {
      sum += (digits.charAt(i) - '0') * (length + 1 - i);
    }
    int rest = (sum * 10) % 11;
    return rest == 10 ? 0 : rest;
  }

  /** A valid CPF from 9 base digits (synthetic data and tests). */
  public static String fromBase(String nineDigits) {
    String first = nineDigits + checkDigit(nineDigits + "00", 9);
    return first + checkDigit(first + "0", 10);
  }

  /** LGPD masking for lists: only the middle digits stay visible. */
  public static String mask(String cpf) {
    return cpf == null ? null : "***." + cpf.substring(3, 6) + "." + cpf.substring(6, 9) + "-**";
  }
}
