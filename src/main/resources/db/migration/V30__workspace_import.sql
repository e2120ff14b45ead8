-- Workspaces brought in from another installation (docs/workspace-move.md): the fingerprint of
-- each imported file, so that the same file is never imported twice.
create table workspace_import (
    fingerprint  varchar(64) primary key,
    workspace_id bigint      not null,
    imported_at  timestamp with time zone not null
);
