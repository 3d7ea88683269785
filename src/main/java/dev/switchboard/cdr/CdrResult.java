package dev.switchboard.cdr;

public enum CdrResult { ANSWERED, BUSY, NO_ANSWER, FAILED }
