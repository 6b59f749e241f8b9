//! Dashboard sessions: stored by the hash of their id, found with their token's state, ended sessions
//! forgotten when a new one is stored, a session of an unknown token refused by the foreign key.

use crate::*;

fn session(id: u8, token_id: &str, created_at: i64, expires_at: i64) -> UiSessionRow {
    UiSessionRow { id_hash: vec![id; 32], token_id: token_id.into(), created_at, expires_at }
}

pub(crate) async fn case_ui_sessions(s: S) {
    let mut viewer = token("viewer", "tid-viewer", "viewer", T0);
    viewer.expires_at = None;
    s.create_token(viewer).await.unwrap();
    s.create_token(token("ops", "tid-ops", "operator", T0)).await.unwrap();

    s.create_ui_session(session(1, "tid-viewer", T0, T0 + 100), T0).await.unwrap();
    s.create_ui_session(session(2, "tid-ops", T0, T0 + 50), T0).await.unwrap();
    assert_eq!(
        s.find_ui_session(&[1; 32]).await.unwrap(),
        Some(UiSessionFound {
            expires_at: T0 + 100,
            token_id: "tid-viewer".into(),
            token_name: "viewer".into(),
            role: "viewer".into(),
            token_expires_at: None,
            token_revoked_at: None,
        })
    );
    assert_eq!(s.find_ui_session(&[9; 32]).await.unwrap(), None);

    // The token's revocation shows through the session at once.
    s.revoke_token("ops", T0 + 10).await.unwrap();
    let ops = s.find_ui_session(&[2; 32]).await.unwrap().unwrap();
    assert_eq!(
        (ops.token_name.as_str(), ops.role.as_str(), ops.token_revoked_at),
        ("ops", "operator", Some(T0 + 10))
    );
    assert_eq!(ops.token_expires_at, Some(T0 + DAY));

    // A new session forgets the ended ones (session 2 ended at T0 + 50), keeps the live one.
    s.create_ui_session(session(3, "tid-viewer", T0 + 60, T0 + 160), T0 + 60).await.unwrap();
    assert_eq!(s.find_ui_session(&[2; 32]).await.unwrap(), None);
    assert!(s.find_ui_session(&[1; 32]).await.unwrap().is_some());

    // Sign-out deletes one; deleting a missing one is fine.
    s.delete_ui_session(&[1; 32]).await.unwrap();
    assert_eq!(s.find_ui_session(&[1; 32]).await.unwrap(), None);
    s.delete_ui_session(&[1; 32]).await.unwrap();
    assert!(s.find_ui_session(&[3; 32]).await.unwrap().is_some());

    // No session without a token; the same id twice is refused, and neither changes what is stored.
    assert!(s.create_ui_session(session(4, "tid-nobody", T0, T0 + 100), T0).await.is_err());
    assert!(
        s.create_ui_session(session(3, "tid-viewer", T0 + 70, T0 + 170), T0 + 70).await.is_err()
    );
    assert_eq!(s.find_ui_session(&[3; 32]).await.unwrap().unwrap().expires_at, T0 + 160);
}
