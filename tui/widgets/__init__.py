"""The review app's widgets: the clause panes, the summary sidebar and the detail panel."""
