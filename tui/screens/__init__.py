"""The review app's screens: the review itself, and the dialogs it opens (export, confirm)."""
