package org.zhizhi.identity.web;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.zhizhi.identity.Authenticator;
import org.zhizhi.identity.LoginFailed;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.Role;

/** Lets the login form use the platform's {@link Authenticator}, lockout and audit included. */
class ActorAuthenticationProvider implements AuthenticationProvider {

	private final Authenticator authenticator;

	ActorAuthenticationProvider(Authenticator authenticator) {
		this.authenticator = authenticator;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null;
		try {
			Actor actor = authenticator.authenticate(authentication.getName(),
					String.valueOf(authentication.getCredentials()), address);
			return authenticated(actor);
		}
		catch (LoginFailed failure) {
			throw switch (failure.reason()) {
				case THROTTLED -> new LockedException("throttled");
				case DISABLED -> new DisabledException("disabled");
				case BAD_CREDENTIALS, BAD_SECOND_FACTOR -> new BadCredentialsException("bad credentials");
			};
		}
	}

	static UsernamePasswordAuthenticationToken authenticated(Actor actor) {
		List<GrantedAuthority> authorities = actor.roles()
			.stream()
			.map(Role::authority)
			.<GrantedAuthority>map(SimpleGrantedAuthority::new)
			.toList();
		return UsernamePasswordAuthenticationToken.authenticated(actor, null, authorities);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
