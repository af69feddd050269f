#!/usr/bin/env python3
"""Builds the input of scripts/bench-scale: every mail and news message of the corpus (20news-train,
r-project, cypherpunks-1992 mbox and single files — the messages of scripts/bench-peers) written
TIMES times as mboxrd files, one per replica (OUT/replica-00.mbox, replica-01.mbox, ...), so that
the first k files are k times the input.

Replica 0 is the messages as they are. Every other replica is a new document for each message:
its Message-ID gets a prefix (`r3.`), its Subject a tag (`[r3]`), and its first text part a line
`replica 3` at its start and again at its end, before the signature: the archive's content
fingerprint reads the text after a forwarded header block and before the last signature delimiter,
and a multipart preamble is not text. Copies that are one document within the corpus (the same Message-ID, or the same text) stay
one document within each replica, so k replicas hold exactly k times the documents of one.

    make-scale-input.py CORPUS OUT TIMES      # prints the number of messages per replica
"""
import base64
import email
import email.policy
import hashlib
import mailbox
import os
import re
import sys


def _peer_input():
    """scripts/bench/make-peer-input.py as a module (its name has hyphens): the one reader of the corpus."""
    import importlib.util
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "make-peer-input.py")
    spec = importlib.util.spec_from_file_location("make_peer_input", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


messages = _peer_input().messages


SIMPLE = re.compile(rb"(?im)^content-(?:type:\s*multipart|transfer-encoding:\s*base64)")
SIGNATURE = re.compile(rb"^--[ ]?\r?$")


def marked(text, marker):
    """`text` with `marker` as its first line and again before its last signature delimiter (or at its end)."""
    lines = text.split(b"\n")
    last = max((i for i, line in enumerate(lines) if SIGNATURE.match(line)), default=None)
    if last is None:
        while lines and lines[-1].strip() == b"":
            lines.pop()
        lines.append(marker)
        lines.append(b"")
    else:
        lines.insert(last, marker)
    return marker + b"\n" + b"\n".join(lines)


def mark_text(data, marker):
    """The message with `marker` in its first text part, where the archive's fingerprint reads it."""
    head, sep, body = data.partition(b"\n\n")
    if not SIMPLE.search(head):
        return head + (sep or b"\n\n") + marked(body, marker)
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.is_multipart() or part.get_content_maintype() != "text":
            continue
        if (part.get("Content-Transfer-Encoding") or "").strip().lower() == "base64":
            decoded = part.get_payload(decode=True) or b""
            part.set_payload(base64.encodebytes(marked(decoded, marker)).decode("ascii"))
        else:
            payload = part.get_payload().encode("utf-8", "surrogateescape")
            part.set_payload(marked(payload, marker).decode("utf-8", "surrogateescape"))
        return message.as_bytes(policy=email.policy.compat32)
    return head + (sep or b"\n\n") + marked(body, marker)


def replica(data, n):
    if n == 0:
        return data
    head, sep, body = data.partition(b"\n\n")
    # The ID may be folded onto the next line.
    head, count = re.subn(rb"(?im)^(message-id:[ \t]*(?:\r?\n[ \t]+)?<?)", rb"\g<1>r%d." % n, head, count=1)
    if count == 0:
        # A stable invented identity: byte-identical copies without an ID stay one document.
        head += b"\nMessage-ID: <replica%d.%s@bench.invalid>" % (n, hashlib.sha1(data).hexdigest().encode())
    head, count = re.subn(rb"(?im)^(subject:[ \t]*)", rb"\g<1>[r%d] " % n, head, count=1)
    if count == 0:
        head += b"\nSubject: [r%d]" % n
    return mark_text(head + (sep or b"\n\n") + body, b"replica %d" % n)


def main():
    corpus, out, times = sys.argv[1], sys.argv[2], int(sys.argv[3])
    os.makedirs(out, exist_ok=True)
    originals = list(messages(corpus))
    for n in range(times):
        path = os.path.join(out, "replica-%02d.mbox" % n)
        if os.path.exists(path):
            continue
        with open(path + ".tmp", "wb") as mbox:
            for data in originals:
                mbox.write(b"From bench@example.org Thu Jan  1 00:00:00 1970\n")
                for line in replica(data, n).split(b"\n"):
                    if re.match(rb"^>*From ", line):
                        line = b">" + line
                    mbox.write(line + b"\n")
                mbox.write(b"\n")
        os.rename(path + ".tmp", path)
    print(len(originals))


main()
