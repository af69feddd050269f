#!/usr/bin/env python3
"""Reads messages with Python's `email` package, for the differential test of our parser.

Input (stdin): one record a line, `path<TAB>offset<TAB>length` (offset and length in bytes of the
file). A record may start with an mbox `From ` line; it is dropped and `>From ` unescaped as
mboxrd does. Output (stdout): one JSON object a line, in the same order, with the fields the test
compares: subject, sender address, date (ISO 8601 with offset), Message-ID, and the plain-text
body.
"""
import email
import email.policy
import email.utils
import json
import re
import sys

FROM_ESCAPE = re.compile(rb"^>(>*From )", re.M)


def read(path, offset, length):
    with open(path, "rb") as handle:
        handle.seek(offset)
        data = handle.read(length)
    if data.startswith(b"From "):
        data = data.split(b"\n", 1)[1] if b"\n" in data else b""
        data = FROM_ESCAPE.sub(rb"\1", data)
    return data


def text_of(message):
    try:
        part = message.get_body(preferencelist=("plain",))
        if part is None:
            return None
        return part.get_content()
    except Exception as error:  # Python gives up on some bodies; say so
        return {"error": type(error).__name__}


def main():
    for line in sys.stdin:
        path, offset, length = line.rstrip("\n").split("\t")
        data = read(path, int(offset), int(length))
        result = {"path": path, "offset": int(offset)}
        try:
            message = email.message_from_bytes(data, policy=email.policy.default)
            try:
                result["subject"] = str(message["subject"]) if message["subject"] is not None else None
            except Exception as error:
                result["subject"] = {"error": type(error).__name__}
            raw_from = message.get("from", failobj=None)
            result["sender"] = email.utils.parseaddr(str(raw_from))[1] if raw_from is not None else None
            raw_date = message.get("date", failobj=None)
            try:
                parsed = email.utils.parsedate_to_datetime(str(raw_date)) if raw_date is not None else None
                result["date"] = parsed.isoformat() if parsed is not None else None
                result["date_naive"] = parsed is not None and parsed.tzinfo is None
            except Exception:
                result["date"] = None
            raw_id = message.get("message-id", failobj=None)
            result["message_id"] = str(raw_id).strip().strip("<>").strip() if raw_id is not None else None
            result["body"] = text_of(message)
        except Exception as error:
            result["error"] = f"{type(error).__name__}: {error}"
        print(json.dumps(result))


if __name__ == "__main__":
    main()
