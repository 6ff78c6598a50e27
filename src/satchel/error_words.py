"""Errors in words: the user's language for every coded error (see satchel.errors).

The core raises errors with a stable code, an English template and parameters; this
catalogue maps each code to its text for Qt's translations (context "errors"), so the
desktop client shows it in the interface language and the chronology report in its own.
The command line stays English: `english()` is the core's own text, built from the same
English template this catalogue lists.

A parameter that is itself an error is worded in turn (the reason a bundle record was
refused); a parameter that is a record kind ("case", "person") or one of a few fixed
reasons is translated as a word; every other parameter (file names, ids, numbers) is
shown as it is. tests/test_error_words.py fails on any code raised in src that has no
entry here, on any entry whose text differs from the template raised, and on any entry
without a finished Russian translation.

The module is long because the catalogue is one entry a line for every error code, kept
in one place so that a translator and the test see them all.
"""

# ruff: noqa: E501  (one line per catalogue entry: lupdate reads each text whole)
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication

from satchel.errors import BundleRejected, Coded

__all__ = ["TEXTS", "english", "words"]

translate = QCoreApplication.translate  # the name lupdate looks for
# Marks a text for lupdate and returns it unchanged; PySide6's stub says it returns object.
QT_TRANSLATE_NOOP: Callable[[str, str], str] = QtCore.QT_TRANSLATE_NOOP  # type: ignore[assignment]

_log = logging.getLogger(__name__)

# code -> English template; generated once from the raises in src, then kept by hand.
TEXTS: dict[str, str] = {
    "adding_document_cancelled_nothing_kept": QT_TRANSLATE_NOOP(
        "errors", "Adding the document was cancelled; nothing was kept."
    ),
    "age_recipient_holds_32_byte": QT_TRANSLATE_NOOP(
        "errors", "An age recipient holds a 32-byte X25519 key."
    ),
    "age_recipient_written_lower_case": QT_TRANSLATE_NOOP(
        "errors", "An age recipient is written in lower case."
    ),
    "agenda_needs_non_negative_number": QT_TRANSLATE_NOOP(
        "errors", "The agenda needs a non-negative number of weeks"
    ),
    "already_exists_choose_another_name": QT_TRANSLATE_NOOP(
        "errors", "{dest} already exists; choose another name. Nothing was written."
    ),
    "already_exists_force_replace": QT_TRANSLATE_NOOP(
        "errors", "{dest} already exists (use --force to replace it)"
    ),
    "appeared_meanwhile_nothing_overwritten": QT_TRANSLATE_NOOP(
        "errors", "{dest} appeared meanwhile; nothing was overwritten."
    ),
    "bundle_age_header_altered_mac_mismatch": QT_TRANSLATE_NOOP(
        "errors", "the age header was altered (MAC mismatch)"
    ),
    "bundle_age_header_malformed": QT_TRANSLATE_NOOP("errors", "the age header is malformed"),
    "bundle_age_header_malformed_bad_base64": QT_TRANSLATE_NOOP(
        "errors", "the age header is malformed (bad base64)"
    ),
    "bundle_age_header_malformed_bad_mac": QT_TRANSLATE_NOOP(
        "errors", "the age header is malformed (bad MAC)"
    ),
    "bundle_age_header_malformed_bad_recipient": QT_TRANSLATE_NOOP(
        "errors", "the age header is malformed (bad recipient line)"
    ),
    "bundle_age_header_malformed_bad_recipient_2": QT_TRANSLATE_NOOP(
        "errors", "the age header is malformed (bad recipient body)"
    ),
    "bundle_age_header_malformed_non_canonical": QT_TRANSLATE_NOOP(
        "errors", "the age header is malformed (non-canonical base64)"
    ),
    "bundle_age_header_truncated_too_long": QT_TRANSLATE_NOOP(
        "errors", "the age header is truncated or too long"
    ),
    "bundle_age_scrypt_recipient_malformed": QT_TRANSLATE_NOOP(
        "errors", "the age scrypt recipient is malformed"
    ),
    "bundle_armored_text_age_files_are": QT_TRANSLATE_NOOP(
        "errors", "armored (text) age files are not bundles; use the binary file"
    ),
    "bundle_case_listed_twice": QT_TRANSLATE_NOOP("errors", "a case is listed twice"),
    "bundle_contains_regular_files_are": QT_TRANSLATE_NOOP(
        "errors", "the bundle contains a {what}; only regular files are allowed"
    ),
    "bundle_created_must_utc_time_like": QT_TRANSLATE_NOOP(
        "errors", "created_at must be a UTC time like 2026-01-31T12:00:00Z"
    ),
    "bundle_created_not_real_date_time": QT_TRANSLATE_NOOP(
        "errors", "created_at is not a real date and time"
    ),
    "bundle_damaged_altered": QT_TRANSLATE_NOOP(
        "errors", "the bundle is damaged or was altered ({detail})"
    ),
    "bundle_damaged_truncated_altered_age": QT_TRANSLATE_NOOP(
        "errors", "the bundle is damaged, truncated or was altered (age decryption failed)"
    ),
    "bundle_different_size_manifest_says": QT_TRANSLATE_NOOP(
        "errors", "{name} has a different size than the manifest says"
    ),
    "bundle_document_cannot_stored_here": QT_TRANSLATE_NOOP(
        "errors", "a document ({id}) cannot be stored here: {detail}"
    ),
    "bundle_document_needs_sha256_size": QT_TRANSLATE_NOOP(
        "errors", "{where}: a document needs its sha256 and size"
    ),
    "bundle_document_record_no_file_bundle": QT_TRANSLATE_NOOP(
        "errors", "a document record has no file in the bundle"
    ),
    "bundle_does_not_match_sha_256": QT_TRANSLATE_NOOP(
        "errors", "{name} does not match its SHA-256 in the manifest"
    ),
    "bundle_duplicate_json_key": QT_TRANSLATE_NOOP("errors", "duplicate JSON key {key!r}"),
    "bundle_encrypted_keys_not_passphrase": QT_TRANSLATE_NOOP(
        "errors", "this bundle is encrypted to keys, not to a passphrase"
    ),
    "bundle_ends_before_all_members": QT_TRANSLATE_NOOP(
        "errors", "the bundle ends before all its members (missing {expect!r}; truncated?)"
    ),
    "bundle_event_bundle_cites_document_which": QT_TRANSLATE_NOOP(
        "errors",
        "an event in the bundle cites document {id}, which is in a case the bundle does not carry",
    ),
    "bundle_file_changed_since_previewed": QT_TRANSLATE_NOOP(
        "errors", "the bundle file changed since it was previewed; inspect it again"
    ),
    "bundle_file_document_does_not_match": QT_TRANSLATE_NOOP(
        "errors", "the file of document {id} does not match its recorded SHA-256"
    ),
    "bundle_files_bundle_do_not_match": QT_TRANSLATE_NOOP(
        "errors", "the files in the bundle do not match its document records"
    ),
    "bundle_first_listed_member_must_records": QT_TRANSLATE_NOOP(
        "errors", "the first listed member must be records.jsonl"
    ),
    "bundle_format_version_not_supported": QT_TRANSLATE_NOOP(
        "errors",
        "bundle format version {version!r} is not supported by this Satchel (it reads version {version2}); update Satchel",
    ),
    "bundle_goes_colleagues_passphrase_not": QT_TRANSLATE_NOOP(
        "errors", "A bundle goes to colleagues or to a passphrase, not both"
    ),
    "bundle_holds_documents_though_manifest": QT_TRANSLATE_NOOP(
        "errors", "the bundle holds documents though its manifest says not"
    ),
    "bundle_holds_more_records_limit": QT_TRANSLATE_NOOP(
        "errors", "the bundle holds more records than Satchel accepts ({max_records:,})"
    ),
    "bundle_holds_more_records_satchel": QT_TRANSLATE_NOOP(
        "errors", "the bundle holds more records than Satchel accepts"
    ),
    "bundle_holds_notes_though_manifest": QT_TRANSLATE_NOOP(
        "errors", "the bundle holds notes though its manifest says it does not"
    ),
    "bundle_holds_number_too_long_read": QT_TRANSLATE_NOOP(
        "errors", "{what} holds a number too long to read"
    ),
    "bundle_id_appears_twice_bundle": QT_TRANSLATE_NOOP(
        "errors", "{where}: id {rid} appears twice in the bundle"
    ),
    "bundle_json_constant_not_allowed": QT_TRANSLATE_NOOP(
        "errors", "JSON constant {name} is not allowed"
    ),
    "bundle_lacks_field_s": QT_TRANSLATE_NOOP("errors", "{what} lacks field(s): {items}"),
    "bundle_list_cases_malformed_too_long": QT_TRANSLATE_NOOP(
        "errors", "the list of cases is malformed or too long"
    ),
    "bundle_locked_passphrase_give_passphrase": QT_TRANSLATE_NOOP(
        "errors", "this bundle is locked with a passphrase; give the passphrase to open it"
    ),
    "bundle_malformed_empty_final_age": QT_TRANSLATE_NOOP(
        "errors", "the bundle is malformed (empty final age chunk)"
    ),
    "bundle_manifest_larger_satchel_accepts": QT_TRANSLATE_NOOP(
        "errors", "the manifest is larger than Satchel accepts"
    ),
    "bundle_manifest_s_member_list_malformed": QT_TRANSLATE_NOOP(
        "errors", "the manifest's member list is malformed"
    ),
    "bundle_manifest_s_signature_not_valid": QT_TRANSLATE_NOOP(
        "errors", "the manifest's signature is not valid: the bundle was altered or forged"
    ),
    "bundle_manifest_says_documents_are_left": QT_TRANSLATE_NOOP(
        "errors", "the manifest says documents are left out but lists files"
    ),
    "bundle_manifest_says_notes_are_left": QT_TRANSLATE_NOOP(
        "errors", "the manifest says notes are left out but counts notes"
    ),
    "bundle_member_hash_must_64_lower": QT_TRANSLATE_NOOP(
        "errors", "a member hash must be 64 lower-case hex digits"
    ),
    "bundle_member_listed_twice": QT_TRANSLATE_NOOP("errors", "a member is listed twice"),
    "bundle_member_not_files_sha256": QT_TRANSLATE_NOOP(
        "errors", "member {name!r} is not files/<its sha256>"
    ),
    "bundle_member_out_order_expected": QT_TRANSLATE_NOOP(
        "errors", "member {name!r} is out of order (expected {expect!r})"
    ),
    "bundle_more_files_satchel_accepts": QT_TRANSLATE_NOOP(
        "errors", "the bundle has more files than Satchel accepts"
    ),
    "bundle_must_json_object": QT_TRANSLATE_NOOP("errors", "{what} must be a JSON object"),
    "bundle_must_lower_case_uuid": QT_TRANSLATE_NOOP("errors", "{what} must be a lower-case UUID"),
    "bundle_must_non_empty_text_most": QT_TRANSLATE_NOOP(
        "errors", "{what} must be a non-empty text of at most {max_len} characters"
    ),
    "bundle_must_true_false": QT_TRANSLATE_NOOP("errors", "{what} must be true or false"),
    "bundle_must_whole_number_from": QT_TRANSLATE_NOOP(
        "errors", "{what} must be a whole number from {lo} to {hi}"
    ),
    "bundle_needs_consent": QT_TRANSLATE_NOOP(
        "errors",
        "the sender is not a verified colleague or the bundle was not sent to you; import it only after explicit consent. {warnings}",
    ),
    "bundle_nested_too_deeply": QT_TRANSLATE_NOOP("errors", "{what} is nested too deeply"),
    "bundle_no_key_passphrase_open_bundle": QT_TRANSLATE_NOOP(
        "errors", "no key or passphrase to open the bundle with"
    ),
    "bundle_not_encrypted_vault_you": QT_TRANSLATE_NOOP(
        "errors", "this bundle is not encrypted to this vault: you are not among its recipients"
    ),
    "bundle_not_json_object": QT_TRANSLATE_NOOP("errors", "{where} is not a JSON object"),
    "bundle_not_satchel_bundle_manifest_format": QT_TRANSLATE_NOOP(
        "errors", "this is not a Satchel bundle (manifest format)"
    ),
    "bundle_not_satchel_bundle_no_age": QT_TRANSLATE_NOOP(
        "errors", "this is not a Satchel bundle (no age v1 header)"
    ),
    "bundle_not_valid_json": QT_TRANSLATE_NOOP("errors", "{what} is not valid JSON ({msg})"),
    "bundle_not_valid_utf_8": QT_TRANSLATE_NOOP("errors", "{what} is not valid UTF-8"),
    "bundle_passphrase_bundle_lists_no_recipient": QT_TRANSLATE_NOOP(
        "errors", "a passphrase bundle lists no recipient keys"
    ),
    "bundle_passphrase_bundle_must_have_exactly": QT_TRANSLATE_NOOP(
        "errors", "a passphrase bundle must have exactly one scrypt recipient"
    ),
    "bundle_passphrase_needs_least_12": QT_TRANSLATE_NOOP(
        "errors", "A bundle passphrase needs at least 12 characters"
    ),
    "bundle_passphrase_work_factor_2_above": QT_TRANSLATE_NOOP(
        "errors",
        "the passphrase work factor (2^{log_n}) is above what Satchel accepts (2^{scrypt_log_n_max})",
    ),
    "bundle_recipient_listed_twice": QT_TRANSLATE_NOOP("errors", "a recipient is listed twice"),
    "bundle_recipient_s_fingerprint_must_60": QT_TRANSLATE_NOOP(
        "errors", "a recipient's fingerprint must be 60 digits"
    ),
    "bundle_recipients_list_malformed_too_long": QT_TRANSLATE_NOOP(
        "errors", "the recipients list is malformed or too long"
    ),
    "bundle_recipients_mode_unknown": QT_TRANSLATE_NOOP(
        "errors", "the recipients' mode is unknown"
    ),
    "bundle_record_belongs_case_bundle_does": QT_TRANSLATE_NOOP(
        "errors", "a {kind} record ({id}) belongs to a case the bundle does not list"
    ),
    "bundle_record_cannot_stored_here": QT_TRANSLATE_NOOP(
        "errors", "a {kind} record cannot be stored here: {detail}"
    ),
    "bundle_record_cannot_stored_here_2": QT_TRANSLATE_NOOP(
        "errors", "a {kind} record ({id}) cannot be stored here: {detail}"
    ),
    "bundle_record_larger_satchel_accepts": QT_TRANSLATE_NOOP(
        "errors", "a record is larger than Satchel accepts"
    ),
    "bundle_record_not_valid": QT_TRANSLATE_NOOP(
        "errors", "a {kind} record ({id}) is not valid: {detail}"
    ),
    "bundle_record_reuses_id_record_yours": QT_TRANSLATE_NOOP(
        "errors", "a {kind} record ({value}) reuses the id of a {other} record of yours"
    ),
    "bundle_record_says_created_another_vault": QT_TRANSLATE_NOOP(
        "errors",
        "a {kind} record ({id}) says it was created in another vault than the one that created it",
    ),
    "bundle_record_would_replace_one_yours": QT_TRANSLATE_NOOP(
        "errors",
        "a {kind} record ({id}) would replace one of yours in a case the bundle does not carry",
    ),
    "bundle_records_are_not_order": QT_TRANSLATE_NOOP(
        "errors", "{where}: records are not in the order {items}"
    ),
    "bundle_records_do_not_match_counts": QT_TRANSLATE_NOOP(
        "errors", "the records do not match the counts in the manifest"
    ),
    "bundle_records_jsonl_does_not_end": QT_TRANSLATE_NOOP(
        "errors", "records.jsonl does not end with a line break"
    ),
    "bundle_records_jsonl_does_not_match": QT_TRANSLATE_NOOP(
        "errors", "records.jsonl does not match its SHA-256 in the manifest"
    ),
    "bundle_sender_not_among_bundle_s": QT_TRANSLATE_NOOP(
        "errors", "the sender is not among the bundle's recipients"
    ),
    "bundle_sender_s_fingerprint_does_not": QT_TRANSLATE_NOOP(
        "errors", "the sender's fingerprint does not match the sender's keys"
    ),
    "bundle_sender_s_identity_malformed": QT_TRANSLATE_NOOP(
        "errors", "the sender's identity is malformed: {detail}"
    ),
    "bundle_sender_s_name_surrounding_spaces": QT_TRANSLATE_NOOP(
        "errors", "the sender's name has surrounding spaces"
    ),
    "bundle_signature_wrong_size": QT_TRANSLATE_NOOP("errors", "the signature has the wrong size"),
    "bundle_tar_header_carries_link_target": QT_TRANSLATE_NOOP(
        "errors", "a tar header carries a link target, prefix or stray bytes"
    ),
    "bundle_tar_header_carries_owner_names": QT_TRANSLATE_NOOP(
        "errors", "a tar header carries owner names or device numbers"
    ),
    "bundle_tar_header_malformed_field": QT_TRANSLATE_NOOP(
        "errors", "a tar header has a malformed {what} field"
    ),
    "bundle_tar_header_not_posix_ustar": QT_TRANSLATE_NOOP(
        "errors", "a tar header is not POSIX ustar"
    ),
    "bundle_tar_header_s_checksum_wrong": QT_TRANSLATE_NOOP(
        "errors", "a tar header's checksum is wrong (the bundle was altered)"
    ),
    "bundle_tar_header_unexpected_mode_owner": QT_TRANSLATE_NOOP(
        "errors", "a tar header has an unexpected mode or owner"
    ),
    "bundle_tar_member_non_ascii_name": QT_TRANSLATE_NOOP(
        "errors", "a tar member has a non-ASCII name"
    ),
    "bundle_tar_member_s_padding_not": QT_TRANSLATE_NOOP(
        "errors", "a tar member's padding is not zero"
    ),
    "bundle_tar_member_unsafe_path": QT_TRANSLATE_NOOP(
        "errors", "a tar member has an unsafe path: {name!r}"
    ),
    "bundle_tar_stream_s_end_marker": QT_TRANSLATE_NOOP(
        "errors", "the tar stream's end marker is malformed"
    ),
    "bundle_there_data_after_end_bundle": QT_TRANSLATE_NOOP(
        "errors", "there is data after the end of the bundle's tar stream"
    ),
    "bundle_tombstone_case_not_listed": QT_TRANSLATE_NOOP(
        "errors", "a deletion of a {kind} ({id}) names a case the bundle does not list"
    ),
    "bundle_tombstone_case_self": QT_TRANSLATE_NOOP(
        "errors", "{where}: a case's tombstone must name that case"
    ),
    "bundle_tombstone_case_twice": QT_TRANSLATE_NOOP(
        "errors", "{where}: a tombstone lists a case twice"
    ),
    "bundle_tombstone_cases": QT_TRANSLATE_NOOP(
        "errors", "{where}: a tombstone's cases must be a list of at most {limit} case ids"
    ),
    "bundle_tombstone_left_out": QT_TRANSLATE_NOOP(
        "errors", "{where}: a tombstone of a kind the manifest says is left out"
    ),
    "bundle_tombstone_needs_case": QT_TRANSLATE_NOOP(
        "errors", "{where}: a tombstone of a {kind} must name the case it was in"
    ),
    "bundle_tombstone_time": QT_TRANSLATE_NOOP(
        "errors", "{where}: a tombstone's deleted_at must be a UTC time with microseconds"
    ),
    "bundle_tombstone_too_large": QT_TRANSLATE_NOOP(
        "errors", "{where}: a tombstone is larger than Satchel accepts"
    ),
    "bundle_tombstones_too_large": QT_TRANSLATE_NOOP(
        "errors", "the bundle's deletions are larger than Satchel accepts"
    ),
    "bundle_tombstone_unknown_kind": QT_TRANSLATE_NOOP(
        "errors", "{where}: a tombstone names an unknown kind of record"
    ),
    "bundle_truncated_age_payload_cut": QT_TRANSLATE_NOOP(
        "errors", "the bundle is truncated (age payload cut short)"
    ),
    "bundle_truncated_age_payload_missing": QT_TRANSLATE_NOOP(
        "errors", "the bundle is truncated (age payload missing)"
    ),
    "bundle_truncated_file_cut_short": QT_TRANSLATE_NOOP(
        "errors", "the bundle is truncated (a file is cut short)"
    ),
    "bundle_truncated_records_jsonl_cut": QT_TRANSLATE_NOOP(
        "errors", "the bundle is truncated (records.jsonl is cut short)"
    ),
    "bundle_truncated_tar_stream_cut": QT_TRANSLATE_NOOP(
        "errors", "the bundle is truncated (its tar stream is cut short)"
    ),
    "bundle_two_documents_share_hash_but": QT_TRANSLATE_NOOP(
        "errors", "{where}: two documents share a hash but not a size"
    ),
    "bundle_unexpected_extra_member": QT_TRANSLATE_NOOP(
        "errors", "unexpected extra member {name!r}"
    ),
    "bundle_unknown_field_s": QT_TRANSLATE_NOOP("errors", "{what} has unknown field(s): {items}"),
    "bundle_unknown_kind": QT_TRANSLATE_NOOP("errors", "{where} has an unknown kind {kind!r}"),
    "bundle_unknown_member_expected": QT_TRANSLATE_NOOP(
        "errors", "unknown member {name!r} (expected {expect!r})"
    ),
    "bundle_vault_appears_twice_versions": QT_TRANSLATE_NOOP(
        "errors", "{where}: a vault appears twice in versions"
    ),
    "bundle_vault_cannot_store_records": QT_TRANSLATE_NOOP(
        "errors", "this vault cannot store {kind} records"
    ),
    "bundle_vault_changed_while_bundle_being": QT_TRANSLATE_NOOP(
        "errors",
        "the vault changed while the bundle was being written; nothing was kept, try again",
    ),
    "bundle_vault_no_identity_yet_so": QT_TRANSLATE_NOOP(
        "errors", "this vault has no identity yet, so no bundle can be addressed to it"
    ),
    "bundle_versions_must_non_empty_list": QT_TRANSLATE_NOOP(
        "errors", "{where}: versions must be a non-empty list"
    ),
    "bundle_versions_must_vault_id_edits": QT_TRANSLATE_NOOP(
        "errors", "{where}: versions must be [vault id, edits ≥ 1] pairs"
    ),
    "bundle_wrong_passphrase_nothing_changed": QT_TRANSLATE_NOOP(
        "errors", "wrong passphrase (nothing was changed)"
    ),
    "cancelled": QT_TRANSLATE_NOOP("errors", "Cancelled; nothing was changed."),
    "cannot_change": QT_TRANSLATE_NOOP("errors", "Cannot change this {label}: {detail}"),
    "cannot_create": QT_TRANSLATE_NOOP("errors", "Cannot create a {label}: {detail}"),
    "cannot_empty": QT_TRANSLATE_NOOP("errors", "{what} cannot be empty"),
    "cannot_read_3": QT_TRANSLATE_NOOP("errors", "Cannot read {name}: {value}"),
    "cannot_resolve_conflict_vault": QT_TRANSLATE_NOOP(
        "errors", "Cannot resolve a {kind} conflict in this vault"
    ),
    "cannot_write": QT_TRANSLATE_NOOP("errors", "Cannot write {dest}: {value}"),
    "cannot_write_2": QT_TRANSLATE_NOOP("errors", "Cannot write in {folder}: {value}"),
    "cannot_write_bundle": QT_TRANSLATE_NOOP(
        "errors", "Cannot write the bundle: {reason}. Nothing was kept."
    ),
    "cannot_write_in_folder": QT_TRANSLATE_NOOP(
        "errors", "Cannot write in {folder}: {reason}. Nothing was written."
    ),
    "card_cut_short": QT_TRANSLATE_NOOP("errors", "The card is cut short."),
    "card_s_check_line_does": QT_TRANSLATE_NOOP(
        "errors", "The card's check line does not match: it was altered or mistyped."
    ),
    "case_cannot_close_before_opened": QT_TRANSLATE_NOOP(
        "errors", "A case cannot close before it opened"
    ),
    "choose_different_passphrase_one_already": QT_TRANSLATE_NOOP(
        "errors", "Choose a different passphrase: this one is already in use for this vault."
    ),
    "choose_least_one_case_export": QT_TRANSLATE_NOOP(
        "errors", "Choose at least one case to export"
    ),
    "choose_least_one_colleague_one": QT_TRANSLATE_NOOP(
        "errors", "Choose at least one colleague, or a one-time passphrase"
    ),
    "choose_passphrase_does_not_look": QT_TRANSLATE_NOOP(
        "errors", "Choose a passphrase that does not look like a recovery code."
    ),
    "computed_deadline_needs_offset_days": QT_TRANSLATE_NOOP(
        "errors", "A computed deadline needs an offset in days"
    ),
    "computed_deadline_takes_date_from": QT_TRANSLATE_NOOP(
        "errors", "A computed deadline takes its date from its source event; give no date"
    ),
    "database_file_damaged": QT_TRANSLATE_NOOP(
        "errors",
        "The database file {name} in {folder} is damaged and cannot be opened ({reason}). Restore the vault folder from a backup.",
    ),
    "date_missing": QT_TRANSLATE_NOOP("errors", "A date is missing"),
    "date_needs_year": QT_TRANSLATE_NOOP("errors", "A date needs its year: {text!r}"),
    "date_not_understood": QT_TRANSLATE_NOOP(
        "errors",
        "Not a date: {text!r} (for example 14.03.2025, 2025-03-14, March 2025, ~2019, before 3 Mar 2024, 3–10.03.2024, 2024..2025 or unknown)",
    ),
    "date_no_end_date": QT_TRANSLATE_NOOP("errors", "A date '{value}' has no end date"),
    "day_needs_month": QT_TRANSLATE_NOOP("errors", "A day needs a month"),
    "deadline_can_computed_from_event": QT_TRANSLATE_NOOP(
        "errors", "A deadline can only be computed from an event of the same case"
    ),
    "deadline_cannot_computed_from_itself": QT_TRANSLATE_NOOP(
        "errors", "A deadline cannot be computed from itself"
    ),
    "deadline_falls_outside_calendar": QT_TRANSLATE_NOOP(
        "errors", "That deadline falls outside the calendar"
    ),
    "deadline_follows_another_event_s": QT_TRANSLATE_NOOP(
        "errors",
        "This deadline follows another event's date; move that event, or make the deadline fixed first",
    ),
    "deadline_rule_code_such_ru": QT_TRANSLATE_NOOP(
        "errors", "A deadline rule is a code such as RU or none, not {rule!r}"
    ),
    "disk_full_bundle_not_written": QT_TRANSLATE_NOOP(
        "errors", "The disk is full; the bundle was not written."
    ),
    "disk_full_document_not_added": QT_TRANSLATE_NOOP(
        "errors", "The disk is full; the document was not added and nothing was kept."
    ),
    "disk_full_last_change": QT_TRANSLATE_NOOP(
        "errors", "The disk is full; the last change was not saved."
    ),
    "disk_full_nothing_imported": QT_TRANSLATE_NOOP(
        "errors", "The disk is full; nothing was imported and the vault is as it was."
    ),
    "disk_full_not_written": QT_TRANSLATE_NOOP(
        "errors", "The disk is full; {dest} was not written."
    ),
    "disk_full_not_written_2": QT_TRANSLATE_NOOP(
        "errors", "The disk is full; {dest} was not written"
    ),
    "disk_full_report_not_written": QT_TRANSLATE_NOOP(
        "errors", "The disk is full; the report was not written."
    ),
    "disk_full_vault_not_changed": QT_TRANSLATE_NOOP(
        "errors", "The disk is full; the vault was not changed. Free some space and try again."
    ),
    "display_name_cannot_contain_control": QT_TRANSLATE_NOOP(
        "errors", "A display name cannot contain control or invisible format characters."
    ),
    "display_name_cannot_empty": QT_TRANSLATE_NOOP("errors", "A display name cannot be empty."),
    "display_name_most_characters": QT_TRANSLATE_NOOP(
        "errors", "A display name has at most {max_name_len} characters."
    ),
    "document_cannot_expire_before_issued": QT_TRANSLATE_NOOP(
        "errors", "A document cannot expire before it was issued"
    ),
    "document_needs_file_imported": QT_TRANSLATE_NOOP(
        "errors", "The document {filename} needs its file to be imported"
    ),
    "document_needs_file_name": QT_TRANSLATE_NOOP("errors", "A document needs a file name"),
    "document_no_longer_matches_sha": QT_TRANSLATE_NOOP(
        "errors",
        "A document ({sha256}…) no longer matches the SHA-256 recorded at intake; the bundle was not written.",
    ),
    "document_s_size_sha_256": QT_TRANSLATE_NOOP(
        "errors", "A document's size and SHA-256 are not valid"
    ),
    "ed25519_key_must_base64_32": QT_TRANSLATE_NOOP(
        "errors", "The Ed25519 key must be the base64 of 32 bytes."
    ),
    "ed25519_key_not_valid_base64": QT_TRANSLATE_NOOP(
        "errors", "The Ed25519 key is not valid base64."
    ),
    "ed25519_seed_32_bytes": QT_TRANSLATE_NOOP("errors", "An Ed25519 seed is 32 bytes."),
    "end_date_lies_before_start": QT_TRANSLATE_NOOP(
        "errors", "The end date lies before the start date"
    ),
    "enter_passphrase_not_recovery_code": QT_TRANSLATE_NOOP(
        "errors", "Enter the passphrase, not the recovery code. Nothing was changed."
    ),
    "event_not_deadline": QT_TRANSLATE_NOOP("errors", "This event is not a deadline"),
    "event_type_deadline_deadline_s": QT_TRANSLATE_NOOP(
        "errors",
        "Only an event of type Deadline has a deadline's status and due date; choose the type Deadline",
    ),
    "exact_time_needs_day_hour": QT_TRANSLATE_NOOP(
        "errors", "An exact time needs a day, hour, minute and time zone"
    ),
    "exact_time_needs_time_zone": QT_TRANSLATE_NOOP("errors", "An exact time needs a time zone"),
    "export_cancelled_no_file_written": QT_TRANSLATE_NOOP(
        "errors", "Export cancelled; no file was written."
    ),
    "field_must_not": QT_TRANSLATE_NOOP("errors", "Field {name!r} must be {want}, not {shown}"),
    "file_does_not_match_recorded": QT_TRANSLATE_NOOP(
        "errors",
        "The file for {filename} does not match its recorded size and SHA-256; it was not imported.",
    ),
    "file_size_limit": QT_TRANSLATE_NOOP(
        "errors",
        "A file size limit of {limit} bytes (ulimit -f) stopped the write; the vault was not changed. Raise the limit (or run Satchel without it) and try again.",
    ),
    "file_longer_recorded": QT_TRANSLATE_NOOP("errors", "The file is longer than recorded."),
    "file_not_found_2": QT_TRANSLATE_NOOP("errors", "File not found: {name}"),
    "folder_choose_file_name": QT_TRANSLATE_NOOP(
        "errors", "{dest} is a folder; choose a file name"
    ),
    "folder_does_not_exist_nothing": QT_TRANSLATE_NOOP(
        "errors", "The folder {folder} does not exist. Nothing was written."
    ),
    "folder_not_file_2": QT_TRANSLATE_NOOP("errors", "{name} is a folder, not a file"),
    "id_prefix_names_more_one": QT_TRANSLATE_NOOP(
        "errors", "The id prefix {conflict_id} names more than one conflict"
    ),
    "id_prefix_names_more_one_2": QT_TRANSLATE_NOOP(
        "errors", "The id prefix {id_or_prefix} names more than one {label}; type more of it"
    ),
    "import_record_invalid": QT_TRANSLATE_NOOP("errors", "{label} {id}: {detail}"),
    "key_contains_character_bech32_does": QT_TRANSLATE_NOOP(
        "errors", "The key contains a character that bech32 does not use."
    ),
    "key_s_checksum_does_not": QT_TRANSLATE_NOOP(
        "errors", "The key's checksum does not match: it was mistyped or cut short."
    ),
    "key_stray_padding_bits": QT_TRANSLATE_NOOP("errors", "The key has stray padding bits."),
    "keyslots_file_damaged_vault_cannot": QT_TRANSLATE_NOOP(
        "errors",
        "The keyslots file is damaged: {reason}. The vault cannot be opened from this copy; restore the vault folder from a backup.",
    ),
    "line_missing_out_order_card": QT_TRANSLATE_NOOP(
        "errors", "Line '{key}: ...' is missing or out of order in the card."
    ),
    "malformed": QT_TRANSLATE_NOOP("errors", "Malformed {record_class}: {detail}"),
    "merged_record_must_keep_record": QT_TRANSLATE_NOOP(
        "errors", "The merged record must keep the record's id"
    ),
    "merged_resolution_needs_merged_record": QT_TRANSLATE_NOOP(
        "errors", "A merged resolution needs the merged record"
    ),
    "missing_field": QT_TRANSLATE_NOOP("errors", "Missing field {prefix}{name!r}"),
    "more_entries": QT_TRANSLATE_NOOP("errors", "{value} has more than {max_list_items:,} entries"),
    "must_between_not": QT_TRANSLATE_NOOP(
        "errors", "{what} must be between {lo} and {hi}, not {value}"
    ),
    "must_object": QT_TRANSLATE_NOOP("errors", "A {kind} must be an object"),
    "no_case_id": QT_TRANSLATE_NOOP("errors", "No case with id {case_id}"),
    "no_colleague": QT_TRANSLATE_NOOP("errors", "No colleague {name}"),
    "no_conflict_id": QT_TRANSLATE_NOOP("errors", "No conflict with id {conflict_id}"),
    "no_document_id": QT_TRANSLATE_NOOP("errors", "No document with id {did}"),
    "no_event_id": QT_TRANSLATE_NOOP("errors", "No event with id {computed_from}"),
    "no_event_id_2": QT_TRANSLATE_NOOP("errors", "No event with id {event_id}"),
    "no_id": QT_TRANSLATE_NOOP("errors", "No {label} with id {id_or_prefix}"),
    "no_id_2": QT_TRANSLATE_NOOP("errors", "No {label} with id {record_id}"),
    "no_person_id": QT_TRANSLATE_NOOP("errors", "No person with id {pid}"),
    "no_person_id_2": QT_TRANSLATE_NOOP("errors", "No person with id {person_id}"),
    "no_satchel_card_found_starts": QT_TRANSLATE_NOOP(
        "errors", "No Satchel card found (it starts with the line {card_header})."
    ),
    "no_such_day": QT_TRANSLATE_NOOP("errors", "No such day: {year:04d}-{month:02d}-{day:02d}"),
    "no_such_folder": QT_TRANSLATE_NOOP("errors", "No such folder: {folder}"),
    "no_such_month": QT_TRANSLATE_NOOP("errors", "No such month: {month}"),
    "no_such_time": QT_TRANSLATE_NOOP("errors", "No such time: {hour:02d}:{minute:02d}"),
    "no_such_time_seconds_go": QT_TRANSLATE_NOOP(
        "errors", "No such time: {value!r} (seconds go up to 59)"
    ),
    "no_such_time_zone_offset": QT_TRANSLATE_NOOP("errors", "No such time zone offset: {tz!r}"),
    "no_decoy_to_open": QT_TRANSLATE_NOOP(
        "errors",
        "There is no decoy to open from this vault. Set a duress passphrase first; a decoy made by an older version of Satchel cannot be opened from here: set the duress passphrase again to make a new one. Nothing was changed.",
    ),
    "no_vault_folder_keyslots_file": QT_TRANSLATE_NOOP(
        "errors", "No vault at {folder}: the folder or its keyslots file does not exist."
    ),
    "no_vault_keyslots_file_does": QT_TRANSLATE_NOOP(
        "errors", "No vault at {folder}: its keyslots file does not exist."
    ),
    "no_vault_nothing_wipe": QT_TRANSLATE_NOOP("errors", "No vault at {folder}: nothing to wipe."),
    "not_1_key": QT_TRANSLATE_NOOP("errors", "Not an {hrp}1... key."),
    "not_age_recipient_starts_age1": QT_TRANSLATE_NOOP(
        "errors", "Not an age recipient (it starts with age1)"
    ),
    "not_a_day": QT_TRANSLATE_NOOP("errors", "Not a day: {text!r} (use YYYY-MM-DD or DD.MM.YYYY)"),
    "not_date_yyyy_yyyy_mm": QT_TRANSLATE_NOOP(
        "errors",
        "Not a date: {text!r} (use DD.MM.YYYY, YYYY-MM-DD, MM.YYYY, YYYY-MM, YYYY or YYYY-MM-DDTHH:MM+HH:MM)",
    ),
    "not_media_type": QT_TRANSLATE_NOOP("errors", "Not a media type: {media_type!r}"),
    "not_record_id": QT_TRANSLATE_NOOP("errors", "Not a record id: {id!r}"),
    "not_regular_file_not_read": QT_TRANSLATE_NOOP(
        "errors", "{name} is {value}, not a regular file; it was not read"
    ),
    "not_time": QT_TRANSLATE_NOOP("errors", "Not a time: {text!r}"),
    "not_utf_8_text_nothing": QT_TRANSLATE_NOOP(
        "errors", "The {what} is not UTF-8 text; nothing was changed"
    ),
    "not_valid_text_undecodable": QT_TRANSLATE_NOOP(
        "errors", "{what} is not valid text (it holds undecodable bytes)"
    ),
    "offset_days_needs_event_counts": QT_TRANSLATE_NOOP(
        "errors", "An offset in days needs the event it counts from"
    ),
    "one_name_can_primary_name": QT_TRANSLATE_NOOP(
        "errors", "Only one name can be the primary name"
    ),
    "page_needs_non_negative_limit": QT_TRANSLATE_NOOP(
        "errors", "A page needs a non-negative limit and offset"
    ),
    "passphrase_cannot_empty": QT_TRANSLATE_NOOP("errors", "The passphrase cannot be empty."),
    "person_already_role_case": QT_TRANSLATE_NOOP(
        "errors", "This person already has the role {kind_value} in this case"
    ),
    "person_needs_name": QT_TRANSLATE_NOOP("errors", "A person needs a name"),
    "pyrage_does_not_accept_age": QT_TRANSLATE_NOOP(
        "errors", "pyrage does not accept this age recipient."
    ),
    "range_needs_end_date": QT_TRANSLATE_NOOP("errors", "A range needs an end date"),
    "read_only_media": QT_TRANSLATE_NOOP(
        "errors", "This vault is on read-only media; nothing can be changed."
    ),
    "read_only_media_cannot_erase": QT_TRANSLATE_NOOP(
        "errors",
        "This vault is on read-only media; it cannot be erased there. Destroy the medium itself.",
    ),
    "read_only_media_needs_update": QT_TRANSLATE_NOOP(
        "errors",
        "This vault is on read-only media and needs an update by this version of Satchel, which cannot be written there. Copy the vault folder to a writable disk to open it; nothing was changed.",
    ),
    "reading_file_failed_nothing_kept": QT_TRANSLATE_NOOP(
        "errors", "Reading the file failed: {value}; nothing was kept."
    ),
    "record_deleted_while_bundle_being": QT_TRANSLATE_NOOP(
        "errors", "A record was deleted while the bundle was being written; try again."
    ),
    "record_too_large_bundle_nothing": QT_TRANSLATE_NOOP(
        "errors", "A record is too large for a bundle; nothing was written"
    ),
    "recovery_slot_does_not_name": QT_TRANSLATE_NOOP(
        "errors", "The recovery slot does not name a passphrase slot."
    ),
    "regular_file_may_replaced": QT_TRANSLATE_NOOP(
        "errors", "{dest} is {value}; only a regular file may be replaced"
    ),
    "reminder_lead_time_cannot_negative": QT_TRANSLATE_NOOP(
        "errors", "A reminder lead time cannot be negative"
    ),
    "report_could_not_start": QT_TRANSLATE_NOOP(
        "errors", "Could not start the report (the printer or file refused)."
    ),
    "report_child_failed": QT_TRANSLATE_NOOP(
        "errors", "The report could not be laid out (its process failed). Nothing was written."
    ),
    "report_child_not_started": QT_TRANSLATE_NOOP(
        "errors", "The report's process could not be started: {value}. Nothing was written."
    ),
    "report_not_printed": QT_TRANSLATE_NOOP(
        "errors", "Page {page} of the report could not be printed."
    ),
    "row_contact_needs_value": QT_TRANSLATE_NOOP("errors", "Row {row}: a contact needs a value."),
    "row_document_date": QT_TRANSLATE_NOOP(
        "errors", "Row {row}: write dates as DD.MM.YYYY, YYYY-MM-DD, MM.YYYY or YYYY."
    ),
    "row_document_needs_number": QT_TRANSLATE_NOOP(
        "errors", "Row {row}: a document needs its number."
    ),
    "same_appears_twice_one_import": QT_TRANSLATE_NOOP(
        "errors", "The same {label} appears twice in one import"
    ),
    "setting_cannot_changed_vault": QT_TRANSLATE_NOOP(
        "errors", "This setting cannot be changed for this vault."
    ),
    "setting_cannot_hold_value": QT_TRANSLATE_NOOP(
        "errors", "Setting {key!r} cannot hold this value: {detail}"
    ),
    "setting_needs_name": QT_TRANSLATE_NOOP("errors", "A setting needs a name"),
    "signing_key_already_belongs_colleague": QT_TRANSLATE_NOOP(
        "errors", "This signing key already belongs to the colleague {name}"
    ),
    "stored_age_secret_key_does": QT_TRANSLATE_NOOP(
        "errors", "The stored age secret key does not parse."
    ),
    "stored_copy_does_not_match": QT_TRANSLATE_NOOP(
        "errors",
        "The stored copy of {filename} does not match the SHA-256 recorded when it was added: it is damaged. Restore it from a bundle or from the original.",
    ),
    "there_already_vault_choose_another": QT_TRANSLATE_NOOP(
        "errors",
        "There is already a vault at {folder}. Choose another folder; nothing was changed.",
    ),
    "these_cases_hold_records_mib": QT_TRANSLATE_NOOP(
        "errors",
        "These cases hold {records:,} records ({value:.0f} MiB of text), more than one bundle may carry ({max_records:,} records, {value2} MiB); export fewer cases at a time",
    ),
    "time_needs_time_zone": QT_TRANSLATE_NOOP("errors", "A time needs a time zone"),
    "time_needs_time_zone_2": QT_TRANSLATE_NOOP("errors", "A time needs a time zone: {text!r}"),
    "time_needs_time_zone_2025": QT_TRANSLATE_NOOP(
        "errors", "A time needs a time zone: {text!r} (e.g. 2025-08-14T10:30+03:00)"
    ),
    "time_zone_offset_out_range": QT_TRANSLATE_NOOP("errors", "Time zone offset out of range"),
    "too_large_more_not_read": QT_TRANSLATE_NOOP(
        "errors", "The {what} is too large (more than {value}); it was not read"
    ),
    "too_large_show_here_limit": QT_TRANSLATE_NOOP(
        "errors",
        "{filename} is {size}, too large to show here (the limit is {max_bytes}); export a copy to open it.",
    ),
    "too_long_chain_computed_deadlines": QT_TRANSLATE_NOOP(
        "errors", "Too long a chain of computed deadlines"
    ),
    "too_long_most_characters": QT_TRANSLATE_NOOP(
        "errors", "{what} is too long: at most {limit:,} characters"
    ),
    "trash_case_gone": QT_TRANSLATE_NOOP(
        "errors", "This {kind} belonged to a case that is no longer here; restore the case first"
    ),
    "trash_document_bytes_gone": QT_TRANSLATE_NOOP(
        "errors", "The file of {filename} is no longer stored; it cannot be restored."
    ),
    "trash_kind": QT_TRANSLATE_NOOP("errors", "A {kind} cannot be deleted into the trash"),
    "trash_no_entry": QT_TRANSLATE_NOOP("errors", "Nothing with id {record_id} is in the trash"),
    "trash_prefix_ambiguous": QT_TRANSLATE_NOOP(
        "errors", "The id prefix {id_or_prefix} names more than one item in the trash"
    ),
    "undated_event_no_date": QT_TRANSLATE_NOOP("errors", "An undated event has no date"),
    "unknown_deadline_rule_one_country": QT_TRANSLATE_NOOP(
        "errors",
        "Unknown deadline rule {rule!r}: use one of {items} or a country code for its public holidays",
    ),
    "unknown_field": QT_TRANSLATE_NOOP("errors", "Unknown field {prefix}{name!r}"),
    "unknown_one": QT_TRANSLATE_NOOP("errors", "Unknown {name} {value!r} (one of: {allowed})"),
    "unknown_order_updated_title": QT_TRANSLATE_NOOP(
        "errors", "Unknown order {order!r} (updated or title)"
    ),
    "unknown_record_kind": QT_TRANSLATE_NOOP("errors", "Unknown record kind {kind!r}"),
    "vault_already_open_another_satchel": QT_TRANSLATE_NOOP(
        "errors",
        "The vault at {folder} is already open in another Satchel window or process. Close it there first; nothing was changed.",
    ),
    "vault_locked_unlock_continue": QT_TRANSLATE_NOOP(
        "errors", "The vault is locked. Unlock it to continue."
    ),
    "vault_locked_while_document_being": QT_TRANSLATE_NOOP(
        "errors", "The vault was locked while a document was being read."
    ),
    "vault_s_identity_keys_are": QT_TRANSLATE_NOOP(
        "errors", "This vault's identity keys are damaged: {detail}"
    ),
    "vault_s_own_card_not": QT_TRANSLATE_NOOP(
        "errors", "This is this vault's own card, not a colleague's."
    ),
    "vault_written_newer_satchel_schema": QT_TRANSLATE_NOOP(
        "errors",
        "This vault was written by a newer Satchel (schema {old}; this version knows up to {latest_version}). Update Satchel to open it; nothing was changed.",
    ),
    "version_vector_needs_one_positive": QT_TRANSLATE_NOOP(
        "errors", "A version vector needs one positive count per vault"
    ),
    "winter_spans_two_years": QT_TRANSLATE_NOOP(
        "errors", "Winter spans two years: type its months, e.g. 12.2019–02.2020 ({text!r})"
    ),
    "would_make_deadlines_computed_from": QT_TRANSLATE_NOOP(
        "errors", "This would make deadlines computed from each other in a circle"
    ),
    "wrong_passphrase": QT_TRANSLATE_NOOP(
        "errors", "Wrong passphrase or recovery code. Nothing was changed."
    ),
    "year_out_range": QT_TRANSLATE_NOOP(
        "errors", "Year out of range: {year} (use {min_year}–{max_year})"
    ),
    "rewrite_needs_duress_passphrase": QT_TRANSLATE_NOOP(
        "errors",
        "This vault has a duress passphrase: give it too, so that it keeps opening the decoy. Nothing was changed.",
    ),
    "travel_already_on": QT_TRANSLATE_NOOP(
        "errors",
        "A trip is already on (since {since}). Restore its bundle first; nothing was changed.",
    ),
    "travel_bundle_inside_vault": QT_TRANSLATE_NOOP(
        "errors",
        "Write the travel bundle outside the vault folder {folder}: it would be removed or found with the vault. Nothing was changed.",
    ),
    "travel_bundle_not_identical": QT_TRANSLATE_NOOP(
        "errors",
        "the travel bundle did not restore identically ({missing} missing, {differ} different); nothing was removed",
    ),
    "travel_colleague_not_verified": QT_TRANSLATE_NOOP(
        "errors",
        "{name} is not a verified colleague: compare fingerprints first. Nothing was changed.",
    ),
    "travel_not_own_bundle": QT_TRANSLATE_NOOP(
        "errors", "the travel bundle is not signed by this vault"
    ),
    "travel_not_own_bundle_named": QT_TRANSLATE_NOOP(
        "errors", "this is not a travel bundle of this vault (it was signed by {name})"
    ),
    "travel_nothing_left_behind": QT_TRANSLATE_NOOP(
        "errors", "Every case is carried: nothing would be left behind. Nothing was changed."
    ),
    "wrong_duress_passphrase": QT_TRANSLATE_NOOP(
        "errors", "That is not this vault's duress passphrase. Nothing was changed."
    ),
    "bundle_no_manifest": QT_TRANSLATE_NOOP("errors", "the bundle has no manifest"),
    "case_not_shared_with": QT_TRANSLATE_NOOP(
        "errors", "Case {case} is not shared with {name} (satchel share add)"
    ),
    "exchange_folder_missing": QT_TRANSLATE_NOOP(
        "errors",
        "The exchange folder {folder} is not there (is the drive connected?). Nothing was changed.",
    ),
    "exchange_folder_not_folder": QT_TRANSLATE_NOOP(
        "errors", "{folder} is not a folder. Nothing was changed."
    ),
    "exchange_folder_not_set": QT_TRANSLATE_NOOP(
        "errors", "No exchange folder is set (satchel exchange folder PATH)"
    ),
    "exchange_folder_unreadable": QT_TRANSLATE_NOOP(
        "errors", "Cannot read the exchange folder {folder}: {reason}"
    ),
    "exchange_import_needs_consent": QT_TRANSLATE_NOOP(
        "errors",
        "The sender is not a verified colleague or the bundle was not sent to you; check the fingerprint, then accept it. Nothing was changed.",
    ),
    "exchange_keep_days_range": QT_TRANSLATE_NOOP(
        "errors", "Keep outgoing bundles between 1 and {max} days"
    ),
    "no_exchange_bundle": QT_TRANSLATE_NOOP("errors", "No bundle {name} in the exchange folder"),
    "no_share": QT_TRANSLATE_NOOP("errors", "No share {id}"),
    "share_colleague_not_verified": QT_TRANSLATE_NOOP(
        "errors",
        "{name}'s key changed or was never verified: compare fingerprints again before anything more is sent to them.",
    ),
    "share_needs_verified_colleague": QT_TRANSLATE_NOOP(
        "errors",
        "Compare {name}'s fingerprint with them and mark it verified before sharing a case with them: a share sends again and again, without asking each time.",
    ),
}

# Parameter values that are words, not data.
_PARAM_WORDS: dict[str, str] = {
    "case": QT_TRANSLATE_NOOP("errors", "case"),
    "person": QT_TRANSLATE_NOOP("errors", "person"),
    "event": QT_TRANSLATE_NOOP("errors", "event"),
    "document": QT_TRANSLATE_NOOP("errors", "document"),
    "note": QT_TRANSLATE_NOOP("errors", "note"),
    "role": QT_TRANSLATE_NOOP("errors", "role"),
    "colleague": QT_TRANSLATE_NOOP("errors", "colleague"),
    "record": QT_TRANSLATE_NOOP("errors", "record"),
    "conflict": QT_TRANSLATE_NOOP("errors", "conflict"),
    "the file is missing": QT_TRANSLATE_NOOP("errors", "the file is missing"),
    "the file is empty": QT_TRANSLATE_NOOP("errors", "the file is empty"),
    "it holds no tables": QT_TRANSLATE_NOOP("errors", "it holds no tables"),
    "A case title": QT_TRANSLATE_NOOP("errors", "A case title"),
    "A colleague's name": QT_TRANSLATE_NOOP("errors", "A colleague's name"),
    "A contact": QT_TRANSLATE_NOOP("errors", "A contact"),
    "A name": QT_TRANSLATE_NOOP("errors", "A name"),
    "A note": QT_TRANSLATE_NOOP("errors", "A note"),
    "A reference number": QT_TRANSLATE_NOOP("errors", "A reference number"),
    "A signing key": QT_TRANSLATE_NOOP("errors", "A signing key"),
    "An event title": QT_TRANSLATE_NOOP("errors", "An event title"),
    "An identity document number": QT_TRANSLATE_NOOP("errors", "An identity document number"),
}


def english(error: BaseException) -> str:
    """The English text of `error`, as the command line prints it."""

    return str(error)


def _param(value: Any) -> Any:
    if isinstance(value, Coded) and isinstance(value, BaseException):
        return words(value)
    if isinstance(value, str) and value in _PARAM_WORDS:
        return translate("errors", _PARAM_WORDS[value])
    return value


def words(error: BaseException) -> str:
    """`error` in the interface language: its code's translated text with its parameters.

    An error without a known code (a bug: the test forbids it) keeps its English text.
    """

    code = getattr(error, "code", None)
    template = TEXTS.get(code) if isinstance(code, str) else None
    if template is None or not isinstance(error, Coded):
        return str(error)
    params = {k: _param(v) for k, v in error.params.items()}
    try:
        text = translate("errors", template).format(**params)
    except (KeyError, IndexError, ValueError):  # a broken translation: say it in English
        _log.warning("the translation of error %s does not format", code)
        text = template.format(**params) if params else template
    if isinstance(error, BundleRejected):
        return translate("errors", "Bundle rejected: {reason}").format(reason=text)
    return text
