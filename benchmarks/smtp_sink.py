"""An SMTP server on 127.0.0.1 that accepts every mail and only counts them (the billing benchmark's
mail server: the « nouvelle facture disponible » mails go nowhere). Python 3.11's smtpd module.
Each recipient of each mail is also appended, one per line, to "<count file>.rcpt", so a check can
count the mails each address received (exactly one per family, not « at least one »).

    python3 benchmarks/smtp_sink.py <port> <count file>
"""
import sys
import warnings

warnings.simplefilter("ignore", DeprecationWarning)
import asyncore  # noqa: E402  (deprecated, still in 3.11)
import smtpd  # noqa: E402


class CountingSink(smtpd.SMTPServer):
    def __init__(self, port, count_file):
        super().__init__(("127.0.0.1", port), None, decode_data=False)
        self.count = 0
        self.count_file = count_file
        self.recipients = open(count_file + ".rcpt", "w")

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        self.count += 1
        for rcpt in rcpttos:
            self.recipients.write(rcpt.lower() + "\n")
        if self.count % 100 == 0:
            self.flush()

    def flush(self):
        self.recipients.flush()
        with open(self.count_file, "w") as f:
            f.write(f"{self.count}\n")


sink = CountingSink(int(sys.argv[1]), sys.argv[2])
try:
    while True:
        asyncore.loop(timeout=1, count=1)
        sink.flush()
except KeyboardInterrupt:
    sink.flush()
