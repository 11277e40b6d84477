package org.reeltrace.cli.drm;

/** Protection schemes reeltrace writes. */
public enum CencScheme { cenc, cbcs }
