package org.redress.core.channel;

/** Whether the customer said something where others can read it. A public reply must not carry personal data. */
public enum Visibility { PUBLIC, PRIVATE }
