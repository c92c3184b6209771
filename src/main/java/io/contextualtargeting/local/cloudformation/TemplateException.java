package io.contextualtargeting.local.cloudformation;

import io.contextualtargeting.formats.InputException;

/** A template the local model cannot load: names the template file, the place in it and the problem. */
public final class TemplateException extends InputException {
    public TemplateException(String template, long line, String where, String problem) {
        super(template, line, where, problem);
    }

    public TemplateException(String template, String where, String problem) {
        this(template, 0, where, problem);
    }
}
