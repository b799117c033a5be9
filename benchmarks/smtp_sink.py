"""An SMTP server on 127.0.0.1 that accepts every mail and only counts them (the billing benchmark's
mail server: the « nouvelle facture disponible » mails go nowhere). Python 3.11's smtpd module.
Each recipient of each mail is also appended, one per line, to "<count file>.rcpt", so a check can
count the mails each address received (exactly one per family, not « at least one »), and
"<count file>.stats" says how many SMTP connections brought them and when the first and the last
mail arrived (Unix time), so a run shows whether its sender reuses one connection for many mails.

    python3 benchmarks/smtp_sink.py <port> <count file>
"""
import sys
import time
import warnings

warnings.simplefilter("ignore", DeprecationWarning)
import asyncore  # noqa: E402  (deprecated, still in 3.11)
import smtpd  # noqa: E402


class CountingSink(smtpd.SMTPServer):
    def __init__(self, port, count_file):
        super().__init__(("127.0.0.1", port), None, decode_data=False)
        self.count = 0
        self.connections = 0
        self.first = None
        self.last = None
        self.count_file = count_file
        self.recipients = open(count_file + ".rcpt", "w")

    def handle_accepted(self, conn, addr):
        self.connections += 1
        super().handle_accepted(conn, addr)

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        self.count += 1
        self.last = time.time()
        if self.first is None:
            self.first = self.last
        for rcpt in rcpttos:
            self.recipients.write(rcpt.lower() + "\n")
        if self.count % 100 == 0:
            self.flush()

    def flush(self):
        self.recipients.flush()
        with open(self.count_file, "w") as f:
            f.write(f"{self.count}\n")
        with open(self.count_file + ".stats", "w") as f:
            f.write(f"connections {self.connections}\nfirst {self.first or 0:.3f}\nlast {self.last or 0:.3f}\n")


sink = CountingSink(int(sys.argv[1]), sys.argv[2])
try:
    while True:
        asyncore.loop(timeout=1, count=1)
        sink.flush()
except KeyboardInterrupt:
    sink.flush()
