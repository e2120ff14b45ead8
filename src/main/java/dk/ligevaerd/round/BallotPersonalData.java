package dk.ligevaerd.round;

import dk.ligevaerd.account.PersonalData;
import dk.ligevaerd.round.domain.Ballot;
import dk.ligevaerd.round.domain.BallotRepository;
import dk.ligevaerd.round.domain.DecisionRound;
import dk.ligevaerd.round.domain.DecisionRoundRepository;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;

/**
 * A person's ballots, for their personal-data download: only their own, read by their account id.
 * A secret round's ballot is theirs to see while the round is open; at closing it loses its voter
 * (RecordKeeper), after which nobody, the voter included, can tell it from the others. Erasure
 * keeps every ballot, since the workspace's decisions counted them, and removes the name kept
 * beside them; the records name voters by id (format 4) or show the pseudonym (formats 1 to 3).
 */
@Component
class BallotPersonalData implements PersonalData {

    private final BallotRepository ballots;
    private final DecisionRoundRepository rounds;

    BallotPersonalData(BallotRepository ballots, DecisionRoundRepository rounds) {
        this.ballots = ballots;
        this.rounds = rounds;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String section() {
        return "ballots";
    }

    @Override
    public void writeJson(long userId, JsonGenerator json) {
        var mine = ballots.findByUserIdOrderByCastAtAscIdAsc(userId);
        Map<Long, DecisionRound> roundsById = rounds.findAllById(mine.stream().map(Ballot::roundId).distinct().toList())
                .stream().collect(Collectors.toMap(DecisionRound::id, Function.identity()));
        json.writeStartArray();
        for (Ballot b : mine) {
            DecisionRound round = roundsById.get(b.roundId());
            json.writeStartObject();
            json.writeNumberProperty("workspaceId", round == null ? 0 : round.workspaceId());
            json.writeNumberProperty("roundId", b.roundId());
            json.writeStringProperty("round", round == null ? "" : round.title());
            json.writeBooleanProperty("secret", round != null && round.secret());
            json.writeNumberProperty("sideId", b.sideId());
            json.writeStringProperty("castAt", b.castAt().toString());
            json.writeName("ballot");
            json.writeRawValue(b.payload());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    @Override
    public void erase(long userId) {
        ballots.forgetVoterName(userId);
    }
}
