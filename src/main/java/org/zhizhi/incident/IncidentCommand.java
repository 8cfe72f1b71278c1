package org.zhizhi.incident;

/**
 * A step's command, one record per step: the request's shape, checked by Bean Validation
 * ({@link org.zhizhi.shared.CommandShape}) once the incident is found and the actor may take the step — before its
 * state is asked, so a malformed request is refused as such whatever the incident's state. Whether the state allows
 * the step, who may take it and the rules that depend on the incident (a private matter needs its note, a tough whistle
 * its lead unit) stay with the lifecycle, the policy and the command classes. Besides its own choice every step
 * carries the person's note and where he stood (if his phone said so), which the timeline keeps.
 */
public sealed interface IncidentCommand permits AcceptIncident, RejectIncident, TriageIncident, WhistleIncident,
		AssignIncident, ClaimIncident, AnswerIncident, HandBackIncident, MovePart, CheckInOnSite, ResolveIncident,
		AddNote, VerifyIncident, ReworkIncident, RateIncident, ReopenIncident, KeepIncidentClosed, EscalateIncident,
		UrgeIncident, RequestExtension, DecideExtension {

	/** The person's note; blank is none. */
	String note();

	/** Where the actor stood, if his phone said so. */
	Double lat();

	Double lng();
}
