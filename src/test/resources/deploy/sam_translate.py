"""The SAM transform (AWS's samtranslator, as CloudFormation runs it) of packaged templates.

Usage: sam_translate.py IN.json OUT.json [IN.json OUT.json ...]
Writes each translated template to its OUT file and prints one JSON line per template:
{"template": IN, "translated": true} or {"template": IN, "translated": false, "errors": [...]}.
Needs AWS_DEFAULT_REGION. Exits 0 when every template translated, 1 otherwise.
"""
import json
import sys

from samtranslator.model.exceptions import InvalidDocumentException
from samtranslator.translator.transform import transform


def translate(source, target):
    with open(source, encoding="utf-8") as f:
        template = json.load(f)
    try:
        translated = transform(template, {}, None)
    except InvalidDocumentException as e:
        return [str(cause) for cause in e.causes]
    except Exception as e:  # the translator's own failures are findings too
        return [type(e).__name__ + ": " + str(e)]
    with open(target, "w", encoding="utf-8") as f:
        json.dump(translated, f, indent=1)
    return []


def main(args):
    ok = True
    for source, target in zip(args[0::2], args[1::2]):
        errors = translate(source, target)
        ok = ok and not errors
        result = {"template": source, "translated": not errors}
        if errors:
            result["errors"] = errors
        print(json.dumps(result))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
