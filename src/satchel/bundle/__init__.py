"""Bundles: cases handed to colleagues as encrypted, signed `.satchel` files (format v1).

The format (docs/bundle-format.md) is age v1 around a ustar stream: a signed manifest, the
records and the documents. The modules, from the bytes up:

    spec        constants and limits every other module (and the spec) agrees on
    agefile     the outer age layer, streamed (pyrage for keys, own scrypt for passphrases)
    writer      BundleWriter / seal_bundle: the inner tar, manifest and signature
    reader      BundleReader: strict, streaming, one BundleRejected(reason) for anything off
    export      a vault's cases into a bundle file, atomically
    merge       plan_import (preview, writes nothing) and apply_import (one transaction)
    colleagues  colleagues' cards, verification and key changes

Nothing in this package imports Qt, and nothing writes plaintext to disk.
"""
