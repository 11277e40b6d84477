package org.reeltrace.cli.keys;

/** The kinds of key reeltrace makes. */
public enum KeyType { watermark, issuer, recipient }
