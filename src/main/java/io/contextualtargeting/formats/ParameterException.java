package io.contextualtargeting.formats;

/** A training parameter or recipe hyperparameter out of its range. */
public class ParameterException extends InputException {
    public ParameterException(String parameter, String problem) {
        super("training parameters", 0, parameter, problem);
    }
}
