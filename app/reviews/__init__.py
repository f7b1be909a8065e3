"""The review loop: people judge served answers, and judged answers become eval-suite cases."""
