package io.basalt.planner.prepare;

/** The product version that the server and its metadata report. */
public final class BasaltVersion {
  public static final int MAJOR = 0;
  public static final int MINOR = 1;
  public static final String VERSION = MAJOR + "." + MINOR + ".0";

  private BasaltVersion() {}
}
