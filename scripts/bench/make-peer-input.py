#!/usr/bin/env python3
"""Builds the common input of scripts/bench-peers: every mail and news message of the corpus
(20news-train, r-project, cypherpunks-1992 mbox and single files) as one Maildir (for Annals,
notmuch and mu) and as one mboxrd file (for MHonArc), optionally replicated N times with distinct
Message-IDs and a distinct last body line, so that each replica is a new document.

    make-peer-input.py CORPUS OUT [--times N]
"""
import mailbox
import os
import re
import sys


def messages(corpus):
    """Yields the raw bytes of every message, in a stable order."""
    news = os.path.join(corpus, "20news-train")
    for root, dirs, files in sorted(os.walk(news)):
        dirs.sort()
        for name in sorted(files):
            yield open(os.path.join(root, name), "rb").read()
    lists = os.path.join(corpus, "mailing-lists")
    for root, dirs, files in sorted(os.walk(lists)):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            if name.endswith(".mbox") or "/r-project/" in path:
                for message in mailbox.mbox(path, create=False):
                    yield message.as_bytes(unixfrom=False)
            else:
                yield open(path, "rb").read()


def replica(data, n):
    if n == 0:
        return data
    head, sep, body = data.partition(b"\n\n")
    head, count = re.subn(rb"(?im)^(message-id:\s*<?)", rb"\g<1>r%d." % n, head, count=1)
    if count == 0:
        head += b"\nMessage-ID: <replica%d.%d@bench.invalid>" % (n, hash(data) & 0xFFFFFFFF)
    return head + (sep or b"\n\n") + body + b"\nreplica %d\n" % n


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    times = int(sys.argv[sys.argv.index("--times") + 1]) if "--times" in sys.argv else 1
    maildir = os.path.join(out, "maildir")
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(maildir, sub), exist_ok=True)
    count = 0
    with open(os.path.join(out, "all.mbox"), "wb") as mbox:
        for n in range(times):
            for data in messages(corpus):
                data = replica(data, n)
                count += 1
                with open(os.path.join(maildir, "cur", "%08d.bench:2," % count), "wb") as f:
                    f.write(data)
                mbox.write(b"From bench@example.org Thu Jan  1 00:00:00 1970\n")
                for line in data.split(b"\n"):
                    if re.match(rb"^>*From ", line):
                        line = b">" + line
                    mbox.write(line + b"\n")
                mbox.write(b"\n")
    print(count)


if __name__ == "__main__":
    main()
