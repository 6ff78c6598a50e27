"""The bundle format alone: the age layer, the tar members, the manifest and its signature.

A reader and a writer of exactly docs/bundle-format.md, and the constants of that spec. Nothing
here imports the vault (`satchel.core`): the format could be read by a program without one.
"""
