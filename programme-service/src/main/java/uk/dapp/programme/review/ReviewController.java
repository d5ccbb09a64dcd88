package uk.dapp.programme.review;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.programme.api.ReviewsApi;
import uk.dapp.programme.api.model.OverdueReviewDto;
import uk.dapp.programme.api.model.ReviewActionDto;
import uk.dapp.programme.api.model.ReviewAttendeeDto;
import uk.dapp.programme.api.model.ReviewCreateDto;
import uk.dapp.programme.api.model.ReviewDto;
import uk.dapp.programme.api.model.RiskLevelDto;

@RestController
public class ReviewController implements ReviewsApi {

    private final ReviewService service;

    ReviewController(ReviewService service) {
        this.service = service;
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<ReviewDto> recordReview(UUID referralId, ReviewCreateDto body) {
        Review r = service.record(
                referralId.toString(),
                RiskLevel.valueOf(body.getRiskLevel().name()),
                body.getSafetyActions(),
                body.getAttendees().stream()
                        .map(a -> new Review.Attendee(a.getName(), a.getRole()))
                        .toList(),
                body.getActions().stream()
                        .map(a -> new Review.Action(a.getAction(), a.getOwner(), a.getDueBy()))
                        .toList());
        return ResponseEntity.status(HttpStatus.CREATED).body(toDto(r));
    }

    /** The review as the contract shows it; also for the subject access export. */
    public static ReviewDto toDto(Review r) {
        return new ReviewDto()
                .reviewId(UUID.fromString(r.reviewId()))
                .referralId(UUID.fromString(r.referralId()))
                .riskLevel(RiskLevelDto.valueOf(r.riskLevel().name()))
                .safetyActions(r.safetyActions())
                .attendees(r.attendees().stream()
                        .map(a -> new ReviewAttendeeDto().name(a.name()).role(a.role()))
                        .toList())
                .actions(r.actions().stream()
                        .map(a -> new ReviewActionDto()
                                .action(a.action())
                                .owner(a.owner())
                                .dueBy(a.dueBy()))
                        .toList())
                .reviewedBy(r.reviewedBy())
                .reviewedAt(r.reviewedAt().atOffset(ZoneOffset.UTC))
                .nextDue(r.nextDue().atOffset(ZoneOffset.UTC));
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<List<OverdueReviewDto>> listOverdueReviews() {
        return ResponseEntity.ok(service.overdue().stream()
                .map(r -> new OverdueReviewDto()
                        .referralId(UUID.fromString(r.referralId()))
                        .caseId(r.caseId())
                        .programmeCode(r.programmeCode())
                        .dueAt(r.nextReviewDue().atOffset(ZoneOffset.UTC)))
                .toList());
    }
}
