package dev.keyport.bootstrap;

/** A setting that stops the start: its name and what is wrong, in one line, for the operator. */
public final class BadSettingException extends RuntimeException {

    private final String setting;

    public BadSettingException(String setting, String problem) {
        super(setting + ": " + problem, null, false, false);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
