package dev.switchboard.callcenter;

/** Sex as recorded in the customer data. */
public enum Sex { F, M }
