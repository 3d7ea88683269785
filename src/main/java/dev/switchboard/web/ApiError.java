package dev.switchboard.web;

/** The JSON body of every error answer: what went wrong, and details a caller can act on. */
public record ApiError(String error, Object details) {}
