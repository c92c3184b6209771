package io.contextualtargeting.workflow.training;

import io.contextualtargeting.formats.InputException;
import io.contextualtargeting.formats.InputProblemsException;
import java.util.List;

/** A training config, or a file it names, with problems; the message lists each with its line and field. */
public class InvalidTrainingConfigException extends InputProblemsException {

    public InvalidTrainingConfigException(String source, List<InputException> problems) {
        super(source, problems, problems.size());
    }
}
