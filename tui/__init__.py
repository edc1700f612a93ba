"""The review app: ``jointdiff review`` shows a Comparison side by side in the terminal.

It sits after the pipeline: ``tui.app.ReviewApp`` receives two read Documents, runs
``compare.compare_documents`` in a worker and draws the aligned pairs. ``compare`` never imports
this package, except for one deferred import inside the ``review`` command.
"""
