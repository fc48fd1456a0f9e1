package io.basalt.storage.encoding;

/**
 * A decoded block of strings: either one value per row ({@code values}) or a dictionary with one
 * code per row ({@code dictionary}, {@code codes}); the unused form is null.
 */
public record DecodedStrings(String[] values, String[] dictionary, int[] codes) {
  public String get(int row) {
    return values != null ? values[row] : dictionary[codes[row]];
  }
}
