import AnnalsCore
import Testing

@Suite struct MboxTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test(
        "Recognises From_ lines with an asctime date",
        arguments: [
            "From alice@example.org Tue Apr  1 11:48:02 1997",
            "From maechler at stat.math.ethz.ch  Tue Apr  1 11:48:02 1997",
            "From cypherpunks@MHonArc.venona  Wed Dec 17 23:17:14 2003\r\n",
            "From MAILER-DAEMON Fri Apr  4 12:00:00 +0000 1997",
            "From bob@example.org Sat, 2 Jan 2001 10:00:00 +0100",
        ])
    func recognisesSeparator(line: String) {
        #expect(Mbox.isSeparatorLine(bytes(line)))
    }

    @Test(
        "Rejects body lines that merely start with From",
        arguments: [
            "From Black's Law Dictionary:",
            "From here on the text talks about something else,",
            "From: alice@example.org",
            "From alice Tue Apr  1 11:48:02",
            ">From alice@example.org Tue Apr  1 11:48:02 1997",
        ])
    func rejectsBodyLine(line: String) {
        #expect(!Mbox.isSeparatorLine(bytes(line)))
    }

    @Test("Strips the From_ line and the trailing empty line, undoing mboxrd escaping")
    func unescapesMboxrd() {
        let entry = bytes("From a@b Tue Apr  1 11:48:02 1997\nSubject: x\n\n>From one\n>>From two\n>>>From three\n\n")
        let (envelope, message) = Mbox.messageBytes(fromEntry: entry, variant: "mboxrd")
        #expect(envelope == "a@b Tue Apr  1 11:48:02 1997")
        #expect(message == bytes("Subject: x\n\nFrom one\n>From two\n>>From three\n"))
    }

    @Test("Undoes only single-quote escaping in mboxo and mboxcl", arguments: ["mboxo", "mboxcl", nil])
    func unescapesMboxo(variant: String?) {
        let entry = bytes("From a@b Tue Apr  1 11:48:02 1997\nSubject: x\n\n>From one\n>>From two\n\n")
        let message = Mbox.messageBytes(fromEntry: entry, variant: variant).message
        #expect(message == bytes("Subject: x\n\nFrom one\n>>From two\n"))
    }

    @Test("Leaves mboxcl2 bodies alone")
    func leavesMboxcl2() {
        let entry = bytes("From a@b Tue Apr  1 11:48:02 1997\nContent-Length: 9\n\n>From one\n\n")
        let message = Mbox.messageBytes(fromEntry: entry, variant: "mboxcl2").message
        #expect(message == bytes("Content-Length: 9\n\n>From one\n"))
    }

    @Test("Handles CRLF entries and entries without a From_ line")
    func handlesCRLFAndBareMessages() {
        let crlf = bytes("From a@b Tue Apr  1 11:48:02 1997\r\nSubject: x\r\n\r\n>From y\r\n\r\n")
        let (envelope, message) = Mbox.messageBytes(fromEntry: crlf, variant: "mboxo")
        #expect(envelope == "a@b Tue Apr  1 11:48:02 1997")
        #expect(message == bytes("Subject: x\r\n\r\nFrom y\r\n"))
        let bare = Mbox.messageBytes(fromEntry: bytes("Subject: x\n\nbody\n"), variant: nil)
        #expect(bare.envelope == nil)
        #expect(bare.message == bytes("Subject: x\n\nbody\n"))
    }

    @Test("Escapes for mboxrd so that reading gives the message back")
    func roundTripsMboxrd() {
        let message = bytes("Subject: x\n\nFrom one\n>From two\n>>From three\nfrom four\n")
        #expect(
            Mbox.escapeForMboxrd(message) == bytes("Subject: x\n\n>From one\n>>From two\n>>>From three\nfrom four\n"))
        let entry = Mbox.makeEntry(envelope: "a@b Tue Apr  1 11:48:02 1997", message: message)
        let read = Mbox.messageBytes(fromEntry: entry, variant: "mboxrd")
        #expect(read.message == message)
        #expect(read.envelope == "a@b Tue Apr  1 11:48:02 1997")
    }
}
