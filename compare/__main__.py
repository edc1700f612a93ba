"""``python -m compare`` runs the jointdiff command line."""

from compare.cli import run

if __name__ == "__main__":
    run()
