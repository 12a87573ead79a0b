"""The curriculum's build logic as plain Python on plain data.

Nothing in this package imports MkDocs: the files in hooks/ next to it adapt
MkDocs events to these functions, so the logic stays testable on its own and
can move to another static-site engine with the content.
"""
