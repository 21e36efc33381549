//! The advisor's ways in: sign-in links that each work once (the one printed at
//! start, and those the signed-in advisor makes for another device), and the
//! sessions they open, which end after two hours unused or at sign-out. All of it is
//! in memory: a restart prints a new link and signs every device out.

use super::security;
use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A session unused this long is over: the advisor signs in again.
pub const SESSION_IDLE: Duration = Duration::from_secs(2 * 60 * 60);
/// A link made for another device works this long (the printed one until used).
pub const DEVICE_LINK_LIFE: Duration = Duration::from_secs(10 * 60);
/// Sessions kept at once; the one unused longest goes first.
const MAX_SESSIONS: usize = 32;
/// Unused device links kept at once; the oldest goes first.
const MAX_LINKS: usize = 16;
/// Used links remembered, to say "used" rather than "wrong".
const MAX_USED: usize = 64;

/// A signed-in advisor: the session's cookie and the token of its forms.
#[derive(Clone, Debug)]
pub struct Session {
    pub id: String,
    pub form_token: String,
}

/// What a sign-in link gave.
pub enum Exchange {
    /// A new session: its cookie.
    SignedIn(Session),
    /// The link worked once already.
    Used,
    /// The link made for a device was not used in time.
    Expired,
    /// No link of this server's.
    Unknown,
}

struct Link {
    token: String,
    /// None: the printed link, good until used.
    expires: Option<Instant>,
}

struct Open {
    session: Session,
    last_seen: Instant,
}

#[derive(Default)]
struct State {
    links: Vec<Link>,
    used: VecDeque<String>,
    expired: VecDeque<String>,
    sessions: Vec<Open>,
}

pub struct Logins {
    state: Mutex<State>,
}

impl Logins {
    /// The printed link's token is `first`.
    pub fn new(first: String) -> Logins {
        let state = State {
            links: vec![Link {
                token: first,
                expires: None,
            }],
            ..State::default()
        };
        Logins {
            state: Mutex::new(state),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Trade a link's token for a session, once.
    pub fn exchange(&self, token: &str) -> Exchange {
        let now = Instant::now();
        let mut state = self.state();
        state.forget_expired(now);
        let found = state
            .links
            .iter()
            .position(|l| security::same_token(token, &l.token));
        let Some(found) = found else {
            if state.used.iter().any(|t| security::same_token(token, t)) {
                return Exchange::Used;
            }
            if state.expired.iter().any(|t| security::same_token(token, t)) {
                return Exchange::Expired;
            }
            return Exchange::Unknown;
        };
        let link = state.links.remove(found);
        remember(&mut state.used, link.token);
        if state.sessions.len() >= MAX_SESSIONS {
            let oldest = (0..state.sessions.len())
                .min_by_key(|i| state.sessions[*i].last_seen)
                .expect("sessions are kept");
            state.sessions.remove(oldest);
        }
        let session = Session {
            id: security::token(),
            form_token: security::token(),
        };
        state.sessions.push(Open {
            session: session.clone(),
            last_seen: now,
        });
        Exchange::SignedIn(session)
    }

    /// The session of this cookie, if it is one and still in use; using it keeps it.
    pub fn session(&self, cookie: &str) -> Option<Session> {
        let now = Instant::now();
        let mut state = self.state();
        state
            .sessions
            .retain(|s| now.duration_since(s.last_seen) < SESSION_IDLE);
        let open = state
            .sessions
            .iter_mut()
            .find(|s| security::same_token(cookie, &s.session.id))?;
        open.last_seen = now;
        Some(open.session.clone())
    }

    /// A new link for another device, good for `DEVICE_LINK_LIFE`.
    pub fn new_link(&self) -> String {
        let token = security::link_token();
        let mut state = self.state();
        state.forget_expired(Instant::now());
        if state.links.len() >= MAX_LINKS {
            // The printed link, first, stays until used.
            let oldest = state.links.iter().position(|l| l.expires.is_some());
            if let Some(oldest) = oldest {
                state.links.remove(oldest);
            }
        }
        state.links.push(Link {
            token: token.clone(),
            expires: Some(Instant::now() + DEVICE_LINK_LIFE),
        });
        token
    }

    pub fn sign_out(&self, session: &str) {
        self.state()
            .sessions
            .retain(|s| !security::same_token(session, &s.session.id));
    }
}

impl State {
    fn forget_expired(&mut self, now: Instant) {
        let (kept, gone): (Vec<Link>, Vec<Link>) = std::mem::take(&mut self.links)
            .into_iter()
            .partition(|l| l.expires.is_none_or(|e| now < e));
        self.links = kept;
        for link in gone {
            remember(&mut self.expired, link.token);
        }
    }
}

fn remember(list: &mut VecDeque<String>, token: String) {
    if list.len() >= MAX_USED {
        list.pop_front();
    }
    list.push_back(token);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_signs_in_once() {
        let logins = Logins::new("printed".into());
        let Exchange::SignedIn(session) = logins.exchange("printed") else {
            panic!("the printed link signs in");
        };
        assert!(matches!(logins.exchange("printed"), Exchange::Used));
        assert!(matches!(logins.exchange("guessed"), Exchange::Unknown));
        assert!(logins.session(&session.id).is_some());
        // Another device, by a link the signed-in advisor made.
        let link = logins.new_link();
        assert!(matches!(logins.exchange(&link), Exchange::SignedIn(_)));
        assert!(matches!(logins.exchange(&link), Exchange::Used));
        logins.sign_out(&session.id);
        assert!(logins.session(&session.id).is_none());
    }
}
