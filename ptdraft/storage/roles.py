"""Who may do what in a PostgreSQL office database: the clerk's and the reviewer's roles (issue 15).

Two group roles (NOLOGIN), to which the administrator adds each workstation's login role:

- ``ptdraft_clerk`` (văn thư, chuyên viên): reads everything; drafts and submits templates, takes numbers, records
  files and packages, appends to the history;
- ``ptdraft_reviewer`` (người duyệt): besides, approves and retires templates, cancels numbers and edits the office
  profile.

The database enforces it, whatever program connects: table and column GRANTs (a clerk may UPDATE only a template's
``state``, only a number's file columns), and row-level security (a clerk's template rows stay draft or submitted
and never carry an approver; a clerk's register rows stay issued; a clerk's history rows are only the clerk's
actions, and every history row names the role that wrote it). Nobody but the owner is granted UPDATE or DELETE on
the history, and a trigger refuses those to the owner too. The owner (who creates and migrates the tables) bypasses
row-level security, as PostgreSQL does for a table's owner.

:func:`setup_sql` is the script for the schema's owner (or a superuser) to run: ``ptdraft office roles --sql``
prints it, ``ptdraft office roles --apply`` runs it on the database ``--db`` names. It can be run again at any time
(after an upgrade of ptdraft, to cover new tables).
"""
from __future__ import annotations

# The two group roles an office gives its people (ptdraft_test_clerk, ptdraft_test_reviewer in the tests).
REVIEWER_ROLE = "ptdraft_reviewer"
CLERK_ROLE = "ptdraft_clerk"

BOTH = f"{CLERK_ROLE}, {REVIEWER_ROLE}"
READ_TABLES = (
    "ptdraft_schema", "library_templates", "template_versions", "template_events", "register_counters",
    "register_entries", "office_profile", "register_packages", "audit_history",
)
CLERK_HISTORY_ACTIONS = ("created", "submitted", "imported", "issued")

_GRANTS = (
    f"GRANT SELECT ON {', '.join(READ_TABLES)} TO {BOTH}",
    f"GRANT INSERT, UPDATE (last_version) ON library_templates TO {BOTH}",
    f"GRANT INSERT, UPDATE (state) ON template_versions TO {CLERK_ROLE}",
    f"GRANT INSERT, UPDATE (state, source, sha256, approved_by, approved_at) ON template_versions TO {REVIEWER_ROLE}",
    f"GRANT INSERT ON template_events TO {BOTH}",
    f"GRANT INSERT, UPDATE (last_number) ON register_counters TO {BOTH}",
    f"GRANT INSERT, UPDATE (file_path, file_sha256) ON register_entries TO {CLERK_ROLE}",
    "GRANT INSERT, UPDATE (file_path, file_sha256, status, cancelled_by, cancelled_at, cancel_reason) "
    f"ON register_entries TO {REVIEWER_ROLE}",
    f"GRANT INSERT ON register_packages TO {BOTH}",
    f"GRANT INSERT, UPDATE, DELETE ON office_profile TO {REVIEWER_ROLE}",
    f"GRANT INSERT ON audit_history TO {BOTH}",
)

_clerk_actions = ", ".join(f"'{a}'" for a in CLERK_HISTORY_ACTIONS)
# table → (policy name, command, role, USING, WITH CHECK); USING or CHECK is None where the command has none.
_POLICIES: dict[str, tuple[tuple[str, str, str, str | None, str | None], ...]] = {
    "template_versions": (
        ("ptdraft_clerk_insert", "INSERT", CLERK_ROLE, None, "state IN ('draft', 'submitted') AND approved_by = ''"),
        ("ptdraft_clerk_update", "UPDATE", CLERK_ROLE, "true", "state IN ('draft', 'submitted') AND approved_by = ''"),
    ),
    "template_events": (
        ("ptdraft_clerk_insert", "INSERT", CLERK_ROLE, None, "action NOT IN ('approved', 'retired')"),
    ),
    "register_entries": (
        ("ptdraft_clerk_insert", "INSERT", CLERK_ROLE, None, "status = 'issued' AND cancelled_by = ''"),
        ("ptdraft_clerk_update", "UPDATE", CLERK_ROLE, "true", "status = 'issued' AND cancelled_by = ''"),
    ),
    "audit_history": (
        ("ptdraft_clerk_insert", "INSERT", CLERK_ROLE, None,
         f"db_role = current_user AND action IN ({_clerk_actions})"),
        ("ptdraft_reviewer_insert", "INSERT", REVIEWER_ROLE, None, "db_role = current_user"),
    ),
}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def setup_sql(schema: str = "public") -> str:
    """The script giving the two roles their rights on the ptdraft tables of ``schema`` (idempotent)."""
    lines = [
        f"-- ptdraft: vai trò văn thư ({CLERK_ROLE}) và người duyệt ({REVIEWER_ROLE}) trên lược đồ {schema}.",
        "-- Chạy với tài khoản chủ sở hữu các bảng (hoặc postgres); chạy lại lúc nào cũng được.",
        "-- Tạo tài khoản cho từng người:  CREATE ROLE ten LOGIN PASSWORD '...' IN ROLE "
        f"{CLERK_ROLE};   (người duyệt: IN ROLE {REVIEWER_ROLE})",
        "DO $roles$ BEGIN",
        f"  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{CLERK_ROLE}') THEN CREATE ROLE {CLERK_ROLE} NOLOGIN;"
        " END IF;",
        f"  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{REVIEWER_ROLE}') THEN "
        f"CREATE ROLE {REVIEWER_ROLE} NOLOGIN; END IF;",
        "END $roles$;",
        f"SET search_path TO {_quote(schema)};",
        f"GRANT USAGE ON SCHEMA {_quote(schema)} TO {BOTH};",
    ]
    lines += [f"{grant};" for grant in _GRANTS]
    for table, policies in _POLICIES.items():
        lines.append(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;")
        lines.append(f"DROP POLICY IF EXISTS ptdraft_read ON {table};")
        lines.append(f"CREATE POLICY ptdraft_read ON {table} FOR SELECT TO {BOTH} USING (true);")
        lines.append(f"DROP POLICY IF EXISTS ptdraft_reviewer_all ON {table};")
        if table != "audit_history":
            lines.append(f"CREATE POLICY ptdraft_reviewer_all ON {table} FOR ALL TO {REVIEWER_ROLE} "
                         "USING (true) WITH CHECK (true);")
        for name, command, role, using, check in policies:
            lines.append(f"DROP POLICY IF EXISTS {name} ON {table};")
            clause = f"CREATE POLICY {name} ON {table} FOR {command} TO {role}"
            if using is not None:
                clause += f" USING ({using})"
            if check is not None:
                clause += f" WITH CHECK ({check})"
            lines.append(clause + ";")
    return "\n".join(lines) + "\n"
